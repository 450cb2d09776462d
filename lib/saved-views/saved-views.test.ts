// Saved views: checked against the list's filters on save and on load, own views only, audited.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { actingAs, createStaff } from "@/test/factories/staff";
import { deleteView, listSavedViews, saveView } from "./saved-views";
import { checkViewQuery } from "./view-query";

describe("checking a view's query", () => {
  it("keeps the list's own filters, in the list's order, without empty values", () => {
    expect(checkViewQuery("CASES", "sort=-priority&mine=1&status=OPEN&type=")).toEqual({
      ok: true,
      query: "status=OPEN&mine=1&sort=-priority",
    });
    expect(checkViewQuery("SCAM_REPORTS", "?status=NEW&sort=loss")).toEqual({
      ok: true,
      query: "status=NEW&sort=loss",
    });
    expect(checkViewQuery("AUDIT", "action=case.&from=2026-11-01")).toMatchObject({ ok: true });
  });

  it("refuses a filter the list does not have, a value outside its choices, an unknown sort, a page position", () => {
    expect(checkViewQuery("CASES", "status=OPEN&role=ADMIN")).toEqual({
      ok: false,
      message: "“role” is not a filter of the cases list.",
    });
    expect(checkViewQuery("CASES", "status=EVERYTHING")).toMatchObject({ ok: false, message: /case status/ });
    expect(checkViewQuery("CASES", "sort=password")).toMatchObject({
      ok: false,
      message: /cannot be sorted/,
    });
    expect(checkViewQuery("SCAM_REPORTS", "sort=reporterEmail")).toMatchObject({
      ok: false,
      message: /cannot be sorted/,
    });
    expect(checkViewQuery("SCAM_REPORTS", "cursor=abc")).toMatchObject({ ok: false });
    expect(checkViewQuery("AUDIT", "before=12")).toMatchObject({ ok: false });
    expect(checkViewQuery("CASES", "status=OPEN&status=CLOSED")).toMatchObject({
      ok: false,
      message: /twice/,
    });
  });
});

describe("saved views", () => {
  it("saves a view, lists it as a link for its owner only, and deletes it; each audited", async () => {
    const agent = await actingAs(await createStaff());
    const other = await createStaff();
    const saved = await saveView(agent, { list: "CASES", name: "My urgent", query: "mine=1&sort=-priority" });
    expect(saved).toMatchObject({ ok: true, data: { href: "/console/cases?mine=1&sort=-priority" } });
    const views = await listSavedViews(agent.staff.id, "CASES");
    expect(views).toEqual([
      expect.objectContaining({
        name: "My urgent",
        valid: true,
        href: "/console/cases?mine=1&sort=-priority",
      }),
    ]);
    expect(await listSavedViews(other.id, "CASES")).toEqual([]);
    expect(await listSavedViews(agent.staff.id, "SCAM_REPORTS")).toEqual([]);

    const id = views[0]?.id ?? "";
    // Somebody else's view is unknown to them, and stays.
    expect(await deleteView(await actingAs(other), { viewId: id })).toMatchObject({ ok: false });
    expect(await deleteView(agent, { viewId: id })).toMatchObject({ ok: true });
    expect(await listSavedViews(agent.staff.id, "CASES")).toEqual([]);
    const audit = await getDb().auditEvent.findMany({
      where: { targetId: id },
      select: { action: true },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual(["saved_view.created", "saved_view.deleted"]);
  });

  it("refuses a forged filter with its name and saves nothing", async () => {
    const agent = await actingAs(await createStaff());
    const result = await saveView(agent, {
      list: "CASES",
      name: "Forged",
      query: "status=OPEN&assigneeId=x",
    });
    expect(result).toEqual({
      ok: false,
      field: "query",
      message:
        "This view cannot be saved: “assigneeId” is not a filter of the cases list. Nothing was saved.",
    });
    expect(await getDb().savedView.count({ where: { staffId: agent.staff.id } })).toBe(0);
  });

  it("refuses a second view of the same name, and audit-log views to an agent", async () => {
    const agent = await actingAs(await createStaff());
    expect(await saveView(agent, { list: "SCAM_REPORTS", name: "Mine", query: "assignee=me" })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await saveView(agent, { list: "SCAM_REPORTS", name: "Mine", query: "sort=loss" })).toMatchObject({
      ok: false,
      field: "name",
    });
    expect(await saveView(agent, { list: "AUDIT", name: "Log", query: "" })).toMatchObject({
      ok: false,
      field: "list",
    });
    expect(await getDb().savedView.count({ where: { staffId: agent.staff.id } })).toBe(1);
  });

  it("checks a stored view again on load: one written by hand with a forged filter cannot be opened", async () => {
    const staff = await createStaff();
    await getDb().savedView.create({
      data: { staffId: staff.id, list: "SCAM_REPORTS", name: "Tampered", query: "sort=reporter_email" },
    });
    expect(await listSavedViews(staff.id, "SCAM_REPORTS")).toEqual([
      expect.objectContaining({
        name: "Tampered",
        valid: false,
        problem: expect.stringMatching(/cannot be sorted/),
      }),
    ]);
  });
});
