import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff, signedInAs } from "@/test/factories/staff";
import { listScamReports } from "./queue";
import { linkCustomerToReport, openCaseFromReport, updateTriage } from "./triage";

describe("triage", () => {
  it("changes status and assignee with an audit event, and refuses unknown or deactivated assignees", async () => {
    const staff = await actingAs(await createStaff());
    const colleague = await createStaff();
    const gone = await createStaff({ deactivated: true });
    const report = await createScamReportRow();
    expect(
      await updateTriage(staff, { reference: report.reference, status: "TRIAGED", assigneeId: colleague.id }),
    ).toEqual({ ok: true, message: "Saved.", data: undefined });
    expect(await getDb().scamReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "TRIAGED",
      assigneeId: colleague.id,
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "scam_report.triaged", targetId: report.id },
    });
    expect(audit.data).toMatchObject({
      from: { status: "NEW", assigneeId: null },
      to: { status: "TRIAGED", assigneeId: colleague.id },
    });
    expect(
      await updateTriage(staff, { reference: report.reference, status: "TRIAGED", assigneeId: colleague.id }),
    ).toEqual({ ok: true, message: "Nothing to change.", data: undefined });
    expect(
      await updateTriage(staff, { reference: report.reference, status: "CLOSED", assigneeId: gone.id }),
    ).toMatchObject({ ok: false, field: "assigneeId" });
    expect(
      await updateTriage(staff, { reference: "SR-ZZZZ-ZZZZ", status: "CLOSED", assigneeId: null }),
    ).toMatchObject({ ok: false });
  });

  it("links a customer and opens exactly one compromised-account case from the report", async () => {
    const staff = await actingAs(await createStaff());
    const customer = await createCustomer();
    const report = await createScamReportRow();
    expect(await openCaseFromReport(staff, { reference: report.reference, subject: null })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Link the customer first/),
    });

    expect(
      await linkCustomerToReport(staff, { reference: report.reference, customer: customer.phone }),
    ).toMatchObject({ ok: true });
    const results = await Promise.all([
      openCaseFromReport(staff, { reference: report.reference, subject: null }),
      openCaseFromReport(staff, { reference: report.reference, subject: null }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)?.message).toMatch(/already linked to case C-\d+/);

    const cases = await getDb().case.findMany({ where: { customerId: customer.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      type: "COMPROMISED_ACCOUNT",
      status: "OPEN",
      openedById: staff.staff.id,
      assigneeId: staff.staff.id,
    });
    expect(cases[0]?.subject).toBe(`Account taken over after a scam phone call (${report.reference})`);
    expect(await getDb().scamReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      caseId: cases[0]?.id,
      status: "ESCALATED",
    });
    const actions = (
      await getDb().auditEvent.findMany({
        where: { OR: [{ targetId: report.id }, { targetId: cases[0]?.id }] },
        orderBy: { seq: "asc" },
      })
    ).map((row) => row.action);
    expect(actions).toEqual(["scam_report.customer_linked", "case.opened", "scam_report.case_opened"]);

    const other = await createCustomer();
    expect(
      await linkCustomerToReport(staff, { reference: report.reference, customer: other.email }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/about another customer/) });
  });
});

describe("queue", () => {
  it("filters, searches by number or reference, pages with a cursor, and shows duplicate hints", async () => {
    const staff = await signedInAs(await createStaff());
    const customer = await createCustomer();
    const number = "+441134960999";
    const now = Date.now();
    const made = [];
    for (let index = 0; index < 5; index++) {
      made.push(
        await createScamReportRow({
          contactNumberE164: number,
          contactRaw: "0113 496 0999",
          contactedAt: new Date(now - index * 2 * 86_400_000),
          createdAt: new Date(now - index * 60_000),
          customerId: index < 2 ? customer.id : null,
          assigneeId: index === 0 ? staff.id : null,
          status: index === 4 ? "CLOSED" : "NEW",
        }),
      );
    }
    const first = await listScamReports(staff, { q: "0113 496 0999" }, 2);
    expect(first.rows.map((row) => row.reference)).toEqual([made[0]?.reference, made[1]?.reference]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listScamReports(
      staff,
      { q: "0113 496 0999", cursor: first.nextCursor ?? undefined },
      2,
    );
    expect(second.rows.map((row) => row.reference)).toEqual([made[2]?.reference, made[3]?.reference]);
    // Closed reports only when asked for.
    expect((await listScamReports(staff, { q: number, status: "all" })).rows).toHaveLength(5);
    expect(
      (await listScamReports(staff, { q: number, assignee: "me" })).rows.map((row) => row.reference),
    ).toEqual([made[0]?.reference]);
    expect(
      (await listScamReports(staff, { q: made[3]?.reference.toLowerCase() })).rows.map(
        (row) => row.reference,
      ),
    ).toEqual([made[3]?.reference]);

    const [newest] = first.rows;
    // Reports 2, 4 and 6 days earlier share the number; the one 8 days earlier is outside the week.
    expect(newest?.hints.sameNumber.map((item) => item.reference)).toEqual([
      made[1]?.reference,
      made[2]?.reference,
      made[3]?.reference,
    ]);
    expect(newest?.hints.sameCustomer.map((item) => item.reference)).toEqual([made[1]?.reference]);
    expect(newest?.watchlistReports).toBe(5);
  });
});
