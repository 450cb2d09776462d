// Status change for several cases at once, from the cases list. All or none, in one transaction: a
// case that does not exist, is closed, or is not one the staff member may change in bulk (an agent:
// only their own or unassigned cases) refuses the whole request, naming it, and nothing changes.
// Each case changed gets its own note and audit event, as a change made on its page would.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { fail, succeed, type Result } from "@/lib/result";
import type { CaseStatus } from "./schemas";

type Row = { id: string; number: number; status: CaseStatus; assigneeId: string | null };

const label = (row: Row) => `C-${row.number}`;

export async function setCasesStatus(
  ctx: StaffContext,
  input: { caseIds: string[]; status: CaseStatus; outcome?: string },
): Promise<Result<{ count: number }>> {
  return getDb().$transaction(async (tx) => {
    // Row locks in one order (by id), so two bulk changes never deadlock each other.
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, number, status::text AS status, assignee_id::text AS "assigneeId" FROM cases
      WHERE id = ANY(${input.caseIds}::uuid[]) ORDER BY id FOR UPDATE`;
    if (rows.length !== input.caseIds.length)
      return fail("One of the ticked cases does not exist. Nothing was changed.", "caseIds");
    const closed = rows.filter((row) => row.status === "CLOSED").map(label);
    if (closed.length > 0)
      return fail(
        `Closed cases cannot be changed in bulk (${closed.join(", ")}): reopen them from their page. Nothing was changed.`,
        "caseIds",
      );
    const others = rows
      .filter((row) => !can(ctx.staff, "case:work", { kind: "work-item", assigneeId: row.assigneeId }))
      .map(label);
    if (others.length > 0)
      return fail(
        `You may change in bulk only cases assigned to you or to nobody (${others.join(", ")} are a colleague's). Nothing was changed.`,
        "caseIds",
      );
    const words = input.status.toLowerCase().replaceAll("_", " ");
    const changing = rows.filter((row) => row.status !== input.status);
    const now = new Date();
    for (const row of changing) {
      await tx.case.update({
        where: { id: row.id },
        data: {
          status: input.status,
          updatedAt: now,
          closedAt: input.status === "CLOSED" ? now : null,
          ...(input.status === "CLOSED" ? { outcome: input.outcome } : {}),
        },
      });
      await tx.caseNote.create({
        data: {
          caseId: row.id,
          authorId: ctx.staff.id,
          kind: "STATUS_CHANGE",
          body: input.status === "CLOSED" ? `Closed: ${input.outcome}` : `Status changed to ${words}.`,
        },
      });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: input.status === "CLOSED" ? "case.closed" : "case.status_changed",
        target: { type: "case", id: row.id },
        ip: ctx.ip,
        data: { number: row.number, from: row.status, to: input.status, bulk: true },
      });
    }
    const unchanged = rows.length - changing.length;
    const numbers = changing.map((row) => row.number).sort((a, b) => a - b);
    return succeed(
      `${changing.length === 1 ? "1 case" : `${changing.length} cases`} now ${words}${numbers.length ? `: ${numbers.map((n) => `C-${n}`).join(", ")}` : ""}.${unchanged ? ` ${unchanged} already had that status.` : ""}`,
      { count: changing.length },
    );
  });
}
