// Status change for several reports at once, from the queue. All or none, in one transaction: a
// report that does not exist, is closed, or is not one the staff member may change in bulk (an agent:
// only their own or unassigned reports) refuses the whole request, naming it, and nothing changes.
// Each report changed gets its own scam_report.triaged event, as a change on its page would.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import type { ScamReportStatus } from "@/lib/generated/prisma/enums";
import { fail, succeed, type Result } from "@/lib/result";
import { STATUS_LABELS } from "./labels";

type Row = { id: string; reference: string; status: ScamReportStatus; assigneeId: string | null };

export async function setReportsStatus(
  ctx: StaffContext,
  input: { reportIds: string[]; status: ScamReportStatus },
): Promise<Result<{ count: number }>> {
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, reference, status::text AS status, assignee_id::text AS "assigneeId" FROM scam_reports
      WHERE id = ANY(${input.reportIds}::uuid[]) ORDER BY id FOR UPDATE`;
    if (rows.length !== input.reportIds.length)
      return fail("One of the ticked reports does not exist. Nothing was changed.", "reportIds");
    const closed = rows.filter((row) => row.status === "CLOSED").map((row) => row.reference);
    if (closed.length > 0)
      return fail(
        `Closed reports cannot be changed in bulk (${closed.join(", ")}): reopen them from their page. Nothing was changed.`,
        "reportIds",
      );
    const others = rows
      .filter(
        (row) => !can(ctx.staff, "scam-report:triage", { kind: "work-item", assigneeId: row.assigneeId }),
      )
      .map((row) => row.reference);
    if (others.length > 0)
      return fail(
        `You may change in bulk only reports assigned to you or to nobody (${others.join(", ")} are a colleague's). Nothing was changed.`,
        "reportIds",
      );
    const changing = rows.filter((row) => row.status !== input.status);
    for (const row of changing) {
      await tx.scamReport.update({ where: { id: row.id }, data: { status: input.status } });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: "scam_report.triaged",
        target: { type: "scam_report", id: row.id },
        ip: ctx.ip,
        data: {
          reference: row.reference,
          from: { status: row.status, assigneeId: row.assigneeId },
          to: { status: input.status, assigneeId: row.assigneeId },
          bulk: true,
        },
      });
    }
    const unchanged = rows.length - changing.length;
    const references = changing.map((row) => row.reference).sort();
    return succeed(
      `${changing.length === 1 ? "1 report" : `${changing.length} reports`} now ${STATUS_LABELS[input.status].toLowerCase()}${references.length ? `: ${references.join(", ")}` : ""}.${unchanged ? ` ${unchanged} already had that status.` : ""}`,
      { count: changing.length },
    );
  });
}
