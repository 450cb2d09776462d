// Bulk status change on cases: all or none, one note and audit event per case, colleagues' cases
// refused to agents.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { setCasesStatus } from "./bulk-status";
import { openCase } from "./cases";

async function newCase(ctx: Awaited<ReturnType<typeof actingAs>>, subject: string) {
  const customer = await createCustomer();
  const opened = await openCase(ctx, { customerId: customer.id, type: "LOST_PHONE", subject });
  if (!opened.ok) throw new Error(opened.message);
  return opened.data;
}

const statusOf = async (id: string) =>
  (await getDb().case.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("bulk status change of cases", () => {
  it("changes every ticked case with a note and an audit event each", async () => {
    const agent = await actingAs(await createStaff());
    const a = await newCase(agent, "Bulk status A");
    const b = await newCase(agent, "Bulk status B");
    const result = await setCasesStatus(agent, { caseIds: [a.id, b.id], status: "WAITING_ON_CUSTOMER" });
    expect(result).toMatchObject({ ok: true, data: { count: 2 } });
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual([
      "WAITING_ON_CUSTOMER",
      "WAITING_ON_CUSTOMER",
    ]);
    const db = getDb();
    const audit = await db.auditEvent.findMany({
      where: { action: "case.status_changed", targetId: { in: [a.id, b.id] } },
      select: { data: true },
    });
    expect(audit).toHaveLength(2);
    for (const event of audit)
      expect(event.data).toMatchObject({ from: "OPEN", to: "WAITING_ON_CUSTOMER", bulk: true });
    expect(await db.caseNote.count({ where: { caseId: { in: [a.id, b.id] }, kind: "STATUS_CHANGE" } })).toBe(
      2,
    );
  });

  it("refuses the whole batch when an agent ticks a colleague's case; nothing changes", async () => {
    const agent = await actingAs(await createStaff());
    const colleague = await actingAs(await createStaff());
    const mine = await newCase(agent, "Mine");
    const theirs = await newCase(colleague, "Theirs");
    const before = await getDb().auditEvent.count({ where: { action: "case.status_changed" } });
    const result = await setCasesStatus(agent, { caseIds: [mine.id, theirs.id], status: "IN_PROGRESS" });
    expect(result).toMatchObject({
      ok: false,
      field: "caseIds",
      message: expect.stringContaining(`C-${theirs.number}`),
    });
    expect(result).toMatchObject({ message: expect.stringContaining("Nothing was changed") });
    expect([await statusOf(mine.id), await statusOf(theirs.id)]).toEqual(["OPEN", "OPEN"]);
    expect(await getDb().auditEvent.count({ where: { action: "case.status_changed" } })).toBe(before);

    // A supervisor may change anyone's cases in bulk.
    const supervisor = await actingAs(await createStaff({ role: "SUPERVISOR" }));
    expect(
      await setCasesStatus(supervisor, { caseIds: [mine.id, theirs.id], status: "IN_PROGRESS" }),
    ).toMatchObject({
      ok: true,
      data: { count: 2 },
    });
  });

  it("refuses closed and unknown cases, and closes only with an outcome", async () => {
    const agent = await actingAs(await createStaff());
    const open = await newCase(agent, "Open one");
    const closed = await newCase(agent, "Closed one");
    await getDb().case.update({ where: { id: closed.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(
      await setCasesStatus(agent, { caseIds: [open.id, closed.id], status: "IN_PROGRESS" }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining(`C-${closed.number}`),
    });
    expect(
      await setCasesStatus(agent, {
        caseIds: [open.id, "00000000-0000-4000-8000-000000000000"],
        status: "IN_PROGRESS",
      }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("does not exist") });
    expect(await statusOf(open.id)).toBe("OPEN");
    const closing = await setCasesStatus(agent, {
      caseIds: [open.id],
      status: "CLOSED",
      outcome: "Phone recovered.",
    });
    expect(closing).toMatchObject({ ok: true });
    const row = await getDb().case.findUniqueOrThrow({
      where: { id: open.id },
      select: { outcome: true, closedAt: true },
    });
    expect(row.outcome).toBe("Phone recovered.");
    expect(row.closedAt).not.toBeNull();
  });
});
