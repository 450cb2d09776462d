// Bulk assignment and sortable lists: all or none, one audit event per case, unknown sorts refused.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { listCases } from "./case-queries";
import { assignCases, openCase } from "./cases";
import { bulkAssignSchema, parseCaseSort } from "./schemas";

async function newCase(ctx: Awaited<ReturnType<typeof actingAs>>, subject: string) {
  const customer = await createCustomer();
  const opened = await openCase(ctx, { customerId: customer.id, type: "LOST_PHONE", subject });
  if (!opened.ok) throw new Error(opened.message);
  return opened.data;
}

describe("bulk assignment", () => {
  it("assigns every ticked case, with a note and an audit event for each", async () => {
    const agent = await actingAs(await createStaff());
    const colleague = await createStaff();
    const a = await newCase(agent, "Bulk A");
    const b = await newCase(agent, "Bulk B");
    const result = await assignCases(agent, { caseIds: [a.id, b.id], assigneeId: colleague.id });
    expect(result).toMatchObject({ ok: true, data: { count: 2 } });
    const db = getDb();
    const rows = await db.case.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { assigneeId: true },
    });
    expect(rows.map((row) => row.assigneeId)).toEqual([colleague.id, colleague.id]);
    const audit = await db.auditEvent.findMany({
      where: { action: "case.assigned", targetId: { in: [a.id, b.id] } },
      select: { targetId: true, actorId: true, data: true },
    });
    expect(audit).toHaveLength(2);
    for (const event of audit)
      expect(event).toMatchObject({
        actorId: agent.staff.id,
        data: { assigneeId: colleague.id, bulk: true },
      });
    expect(
      await db.caseNote.count({
        where: { caseId: { in: [a.id, b.id] }, kind: "SYSTEM", body: { startsWith: "Assigned to" } },
      }),
    ).toBe(2);
  });

  it("refuses the whole request when one case is closed or unknown, or the assignee is deactivated; nothing changes", async () => {
    const agent = await actingAs(await createStaff());
    const colleague = await createStaff();
    const open = await newCase(agent, "Still open");
    const closed = await newCase(agent, "Closed one");
    const db = getDb();
    await db.case.update({ where: { id: closed.id }, data: { status: "CLOSED", closedAt: new Date() } });
    const before = await db.auditEvent.count({ where: { action: "case.assigned" } });
    const assignedBefore = (await db.case.findUniqueOrThrow({ where: { id: open.id } })).assigneeId;

    expect(
      await assignCases(agent, { caseIds: [open.id, closed.id], assigneeId: colleague.id }),
    ).toMatchObject({
      ok: false,
      message: `Closed cases cannot be assigned (C-${closed.number}). Nothing was assigned.`,
    });
    expect(
      await assignCases(agent, {
        caseIds: [open.id, "00000000-0000-4000-8000-000000000000"],
        assigneeId: colleague.id,
      }),
    ).toMatchObject({ ok: false, message: "One of the ticked cases does not exist. Nothing was assigned." });
    const gone = await createStaff({ deactivated: true });
    expect(await assignCases(agent, { caseIds: [open.id], assigneeId: gone.id })).toMatchObject({
      ok: false,
    });

    expect((await db.case.findUniqueOrThrow({ where: { id: open.id } })).assigneeId).toBe(assignedBefore);
    expect(assignedBefore).not.toBe(colleague.id);
    expect(await db.auditEvent.count({ where: { action: "case.assigned" } })).toBe(before);
  });

  it("parses the form: one id or many, duplicates folded, at most 50, never empty", () => {
    const id = "7d9c1f4e-2b3a-4c5d-8e6f-1a2b3c4d5e6f";
    expect(bulkAssignSchema.parse({ caseIds: id, assigneeId: id }).caseIds).toEqual([id]);
    expect(bulkAssignSchema.parse({ caseIds: [id, id], assigneeId: id }).caseIds).toEqual([id]);
    expect(bulkAssignSchema.safeParse({ assigneeId: id }).success).toBe(false);
    expect(bulkAssignSchema.safeParse({ caseIds: [], assigneeId: id }).success).toBe(false);
    expect(bulkAssignSchema.safeParse({ caseIds: Array(51).fill(id), assigneeId: id }).success).toBe(false);
    expect(bulkAssignSchema.safeParse({ caseIds: ["1; DROP"], assigneeId: id }).success).toBe(false);
  });
});

describe("sorting the cases list", () => {
  it("knows its columns and refuses anything else", () => {
    expect(parseCaseSort(undefined)).toEqual({ key: "updated", descending: true });
    expect(parseCaseSort("-opened")).toEqual({ key: "opened", descending: true });
    expect(parseCaseSort("number")).toEqual({ key: "number", descending: false });
    for (const bad of ["password", "--number", "number;drop", "-", "customer.email", "NUMBER"])
      expect(parseCaseSort(bad)).toBeNull();
  });

  it("orders by case number and by when opened, both ways", async () => {
    const agent = await actingAs(await createStaff());
    for (const subject of ["S1", "S2", "S3"]) await newCase(agent, subject);
    const ascending = await listCases({ sort: { key: "number", descending: false } });
    const numbers = ascending.rows.map((row) => row.number);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    const newest = await listCases({ sort: { key: "opened", descending: true } });
    const times = newest.rows.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });
});
