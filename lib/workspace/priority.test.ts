// The priority rule, and the stored column kept current after a report is recorded.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { openCase } from "@/lib/cases/cases";
import { listScamReports } from "@/lib/scam-reports/queue";
import { computePriority } from "./priority";
import { refreshPriorities } from "./priority-refresh";

describe("computePriority", () => {
  it("is raised by money lost, a watchlisted caller and the takeover verdict, up to urgent", () => {
    const none = { moneyLostCents: null, watchlistedCaller: false, verdict: null } as const;
    expect(computePriority(none)).toBe(0);
    expect(computePriority({ ...none, moneyLostCents: 5_000 })).toBe(1);
    expect(computePriority({ ...none, moneyLostCents: 125_000 })).toBe(2);
    expect(computePriority({ ...none, watchlistedCaller: true })).toBe(1);
    expect(computePriority({ ...none, verdict: "UNDER_ATTACK" })).toBe(1);
    expect(computePriority({ ...none, verdict: "LIKELY_TAKEOVER" })).toBe(2);
    expect(computePriority({ ...none, verdict: "NOTHING_UNUSUAL" })).toBe(0);
    expect(
      computePriority({ moneyLostCents: 125_000, watchlistedCaller: true, verdict: "LIKELY_TAKEOVER" }),
    ).toBe(3);
  });
});

describe("stored priority", () => {
  it("is refreshed for a new report, for others from the same caller, and for the case they are linked to", async () => {
    const number = `+4420794${String(Math.floor(Math.random() * 100_000)).padStart(5, "0")}`;
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const opened = await openCase(agent, {
      customerId: customer.id,
      type: "SCAM_CALL",
      subject: "Lost money",
    });
    if (!opened.ok) throw new Error(opened.message);
    const first = await createScamReportRow({ contactNumberE164: number, moneyLostCents: 125_000 });
    const second = await createScamReportRow({ contactNumberE164: number, caseId: opened.data.id });
    await refreshPriorities({ reportIds: [first.id, second.id] });
    const db = getDb();
    const level = async (id: string) =>
      (await db.scamReport.findUniqueOrThrow({ where: { id }, select: { priority: true } })).priority;
    expect(await level(first.id)).toBe(2);
    expect(await level(second.id)).toBe(0);

    // A third report puts the number on the watchlist (3 reports): every report of it goes up one.
    const third = await createScamReportRow({ contactNumberE164: number });
    await refreshPriorities({ reportReferences: [third.reference] });
    expect([await level(first.id), await level(second.id), await level(third.id)]).toEqual([3, 1, 1]);
    const kase = await db.case.findUniqueOrThrow({
      where: { id: opened.data.id },
      select: { priority: true },
    });
    expect(kase.priority).toBe(1);
  });

  it("orders the queue by priority or loss, most first, and keeps newest first by default", async () => {
    const staff = await createStaff();
    const tag = `Sort ${Math.random().toString(36).slice(2, 8)}`;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const low = await createScamReportRow({
      claimedOrganisation: tag,
      moneyLostCents: 100,
      priority: 1,
      createdAt: ago(3),
    });
    const big = await createScamReportRow({
      claimedOrganisation: tag,
      moneyLostCents: 900_000,
      priority: 2,
      createdAt: ago(2),
    });
    const urgent = await createScamReportRow({ claimedOrganisation: tag, priority: 3, createdAt: ago(1) });
    const refs = async (sort?: "priority" | "loss" | "oldest") =>
      (await listScamReports(staff, { q: tag, sort })).rows.map((row) => row.reference);
    expect(await refs("priority")).toEqual([urgent.reference, big.reference, low.reference]);
    expect(await refs("loss")).toEqual([big.reference, low.reference, urgent.reference]);
    expect(await refs()).toEqual([urgent.reference, big.reference, low.reference]);
    expect(await refs("oldest")).toEqual([low.reference, big.reference, urgent.reference]);
  });
});
