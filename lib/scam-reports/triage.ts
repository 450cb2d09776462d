// Triage of a report: status and assignee, linking the customer it is about, and opening a
// compromised-account case from it. Each change runs with its audit event in one transaction.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { listAssignableStaff } from "@/lib/cases/case-queries";
import { addSystemNoteInTx, findOpenCompromisedCase, openCaseInTx } from "@/lib/cases/cases";
import type { ScamReportStatus } from "@/lib/generated/prisma/enums";
import { fail, succeed, type Result } from "@/lib/result";
import { resolveCustomer } from "./intake";
import { CHANNEL_LABELS } from "./labels";

export async function updateTriage(
  ctx: StaffContext,
  input: { reference: string; status: ScamReportStatus; assigneeId: string | null },
): Promise<Result> {
  if (input.assigneeId && !(await listAssignableStaff()).some((member) => member.id === input.assigneeId)) {
    return fail("Choose someone from the list.", "assigneeId");
  }
  return getDb().$transaction(async (tx) => {
    const report = await tx.scamReport.findUnique({
      where: { reference: input.reference },
      select: { id: true, status: true, assigneeId: true },
    });
    if (!report) return fail("That report no longer exists.");
    if (report.status === input.status && report.assigneeId === input.assigneeId)
      return succeed("Nothing to change.");
    await tx.scamReport.update({
      where: { id: report.id },
      data: { status: input.status, assigneeId: input.assigneeId },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "scam_report.triaged",
      target: { type: "scam_report", id: report.id },
      ip: ctx.ip,
      data: {
        reference: input.reference,
        from: { status: report.status, assigneeId: report.assigneeId },
        to: { status: input.status, assigneeId: input.assigneeId },
      },
    });
    return succeed("Saved.");
  });
}

/**
 * Assigns several reports in one transaction, one audit event each. All or none: a closed or unknown
 * report refuses the whole request, naming it, and nothing changes.
 */
export async function assignReports(
  ctx: StaffContext,
  input: { reportIds: string[]; assigneeId: string },
): Promise<Result<{ count: number }>> {
  const assignee = (await listAssignableStaff()).find((member) => member.id === input.assigneeId);
  if (!assignee) return fail("Choose someone from the list.", "assigneeId");
  return getDb().$transaction(async (tx) => {
    const reports = await tx.$queryRaw<
      { id: string; reference: string; status: ScamReportStatus; assigneeId: string | null }[]
    >`SELECT id, reference, status::text AS status, assignee_id::text AS "assigneeId" FROM scam_reports
      WHERE id = ANY(${input.reportIds}::uuid[]) ORDER BY id FOR UPDATE`;
    if (reports.length !== input.reportIds.length)
      return fail("One of the ticked reports does not exist. Nothing was assigned.", "reportIds");
    const closed = reports.filter((report) => report.status === "CLOSED").map((report) => report.reference);
    if (closed.length > 0)
      return fail(
        `Closed reports cannot be assigned (${closed.join(", ")}). Nothing was assigned.`,
        "reportIds",
      );
    for (const report of reports) {
      await tx.scamReport.update({ where: { id: report.id }, data: { assigneeId: input.assigneeId } });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: "scam_report.triaged",
        target: { type: "scam_report", id: report.id },
        ip: ctx.ip,
        data: {
          reference: report.reference,
          from: { status: report.status, assigneeId: report.assigneeId },
          to: { status: report.status, assigneeId: input.assigneeId },
          bulk: true,
        },
      });
    }
    const references = reports.map((report) => report.reference).sort();
    return succeed(
      `${reports.length === 1 ? "Report" : `${reports.length} reports`} assigned to ${assignee.name}: ${references.join(", ")}.`,
      { count: reports.length },
    );
  });
}

export async function linkCustomerToReport(
  ctx: StaffContext,
  input: { reference: string; customer: string },
): Promise<Result> {
  const resolved = await resolveCustomer(ctx, input.customer);
  if (!resolved.ok) return resolved;
  const customer = resolved.data;
  return getDb().$transaction(async (tx) => {
    const report = await tx.scamReport.findUnique({
      where: { reference: input.reference },
      select: { id: true, customerId: true, case: { select: { number: true, customerId: true } } },
    });
    if (!report) return fail("That report no longer exists.");
    if (report.customerId === customer.customerId) return succeed(`Already linked to ${customer.fullName}.`);
    if (report.case && report.case.customerId !== customer.customerId) {
      return fail(
        `This report belongs to case C-${report.case.number}, which is about another customer.`,
        "customer",
      );
    }
    await tx.scamReport.update({ where: { id: report.id }, data: { customerId: customer.customerId } });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "scam_report.customer_linked",
      target: { type: "scam_report", id: report.id },
      ip: ctx.ip,
      data: {
        reference: input.reference,
        customerId: customer.customerId,
        previousCustomerId: report.customerId,
      },
    });
    return succeed(`Linked to ${customer.fullName}.`);
  });
}

export async function openCaseFromReport(
  ctx: StaffContext,
  input: { reference: string; subject: string | null },
): Promise<Result<{ caseNumber: number }>> {
  return getDb().$transaction(async (tx) => {
    // Locks the report: two agents pressing the button at once open one case, not two.
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM scam_reports WHERE reference = ${input.reference} FOR UPDATE`;
    if (!locked) return fail("That report no longer exists.");
    const report = await tx.scamReport.findUniqueOrThrow({
      where: { id: locked.id },
      select: {
        id: true,
        reference: true,
        channel: true,
        status: true,
        customerId: true,
        case: { select: { number: true } },
      },
    });
    if (report.case) return fail(`This report is already linked to case C-${report.case.number}.`);
    if (!report.customerId) return fail("Link the customer first: a case is about one customer's account.");
    // One open compromised-account case per customer: a report about an account already being
    // worked on joins that case instead of starting a second one.
    await tx.$queryRaw`SELECT id FROM customers WHERE id = ${report.customerId}::uuid FOR UPDATE`;
    const existing = await findOpenCompromisedCase(tx, report.customerId);
    if (existing) {
      await tx.scamReport.update({
        where: { id: report.id },
        data: { caseId: existing.id, status: "ESCALATED" },
      });
      await addSystemNoteInTx(tx, ctx, existing.id, `Scam report ${report.reference} linked to this case.`);
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: "scam_report.case_linked",
        target: { type: "scam_report", id: report.id },
        ip: ctx.ip,
        data: {
          reference: report.reference,
          caseId: existing.id,
          caseNumber: existing.number,
          from: { status: report.status },
          to: { status: "ESCALATED" },
        },
      });
      return succeed(
        `Case C-${existing.number} was already open for this customer's compromised account: the report is linked to it.`,
        { caseNumber: existing.number },
      );
    }
    const subject =
      input.subject ??
      `Account taken over after a scam ${CHANNEL_LABELS[report.channel].toLowerCase()} (${report.reference})`;
    const opened = await openCaseInTx(tx, ctx, {
      customerId: report.customerId,
      type: "COMPROMISED_ACCOUNT",
      subject,
    });
    await tx.scamReport.update({
      where: { id: report.id },
      data: { caseId: opened.id, status: "ESCALATED" },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "scam_report.case_opened",
      target: { type: "scam_report", id: report.id },
      ip: ctx.ip,
      data: {
        reference: report.reference,
        caseId: opened.id,
        caseNumber: opened.number,
        from: { status: report.status },
        to: { status: "ESCALATED" },
      },
    });
    return succeed(`Case C-${opened.number} opened and assigned to you.`, { caseNumber: opened.number });
  });
}
