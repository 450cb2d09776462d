// Triage of a report: status and assignee, linking the customer it is about, and opening a
// compromised-account case from it. Each change runs with its audit event in one transaction.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { listAssignableStaff } from "@/lib/cases/case-queries";
import { openCaseInTx } from "@/lib/cases/cases";
import type { ScamReportStatus } from "@/lib/generated/prisma/enums";
import { resolveCustomer } from "./intake";
import { CHANNEL_LABELS } from "./labels";

export type TriageResult = { ok: true; message: string } | { ok: false; field?: string; message: string };

const actorOf = (staff: CurrentStaff) => ({ type: "STAFF" as const, id: staff.id, label: staff.email });

export async function updateTriage(
  staff: CurrentStaff,
  input: { reference: string; status: ScamReportStatus; assigneeId: string | null },
  ip: string,
): Promise<TriageResult> {
  if (input.assigneeId && !(await listAssignableStaff()).some((member) => member.id === input.assigneeId)) {
    return { ok: false, field: "assigneeId", message: "Choose someone from the list." };
  }
  return getDb().$transaction(async (tx) => {
    const report = await tx.scamReport.findUnique({ where: { reference: input.reference }, select: { id: true, status: true, assigneeId: true } });
    if (!report) return { ok: false, message: "That report no longer exists." };
    if (report.status === input.status && report.assigneeId === input.assigneeId) return { ok: true, message: "Nothing to change." };
    await tx.scamReport.update({ where: { id: report.id }, data: { status: input.status, assigneeId: input.assigneeId } });
    await appendAuditEvent(tx, {
      actor: actorOf(staff),
      action: "scam_report.triaged",
      target: { type: "scam_report", id: report.id },
      ip,
      data: {
        reference: input.reference,
        from: { status: report.status, assigneeId: report.assigneeId },
        to: { status: input.status, assigneeId: input.assigneeId },
      },
    });
    return { ok: true, message: "Saved." };
  });
}

export async function linkCustomerToReport(staff: CurrentStaff, input: { reference: string; customer: string }, ip: string): Promise<TriageResult> {
  const customer = await resolveCustomer(staff, input.customer, ip);
  if (!customer.ok) return { ok: false, field: "customer", message: customer.message };
  return getDb().$transaction(async (tx) => {
    const report = await tx.scamReport.findUnique({
      where: { reference: input.reference },
      select: { id: true, customerId: true, case: { select: { number: true, customerId: true } } },
    });
    if (!report) return { ok: false, message: "That report no longer exists." };
    if (report.customerId === customer.customerId) return { ok: true, message: `Already linked to ${customer.fullName}.` };
    if (report.case && report.case.customerId !== customer.customerId) {
      return { ok: false, field: "customer", message: `This report belongs to case C-${report.case.number}, which is about another customer.` };
    }
    await tx.scamReport.update({ where: { id: report.id }, data: { customerId: customer.customerId } });
    await appendAuditEvent(tx, {
      actor: actorOf(staff),
      action: "scam_report.customer_linked",
      target: { type: "scam_report", id: report.id },
      ip,
      data: { reference: input.reference, customerId: customer.customerId, previousCustomerId: report.customerId },
    });
    return { ok: true, message: `Linked to ${customer.fullName}.` };
  });
}

export async function openCaseFromReport(
  staff: CurrentStaff,
  input: { reference: string; subject: string | null },
  ip: string,
): Promise<TriageResult & { caseNumber?: number }> {
  return getDb().$transaction(async (tx) => {
    // Locks the report: two agents pressing the button at once open one case, not two.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM scam_reports WHERE reference = ${input.reference} FOR UPDATE`;
    if (!locked) return { ok: false, message: "That report no longer exists." };
    const report = await tx.scamReport.findUniqueOrThrow({
      where: { id: locked.id },
      select: { id: true, reference: true, channel: true, status: true, customerId: true, case: { select: { number: true } } },
    });
    if (report.case) return { ok: false, message: `This report is already linked to case C-${report.case.number}.` };
    if (!report.customerId) return { ok: false, message: "Link the customer first: a case is about one customer's account." };
    const subject = input.subject ?? `Account taken over after a scam ${CHANNEL_LABELS[report.channel].toLowerCase()} (${report.reference})`;
    // openCaseInTx links this report to the new case (scamReportId) inside the same transaction.
    const opened = await openCaseInTx(tx, staff, { customerId: report.customerId, type: "COMPROMISED_ACCOUNT", subject, scamReportId: report.id }, ip);
    await tx.scamReport.update({ where: { id: report.id }, data: { caseId: opened.id, status: "ESCALATED" } });
    await appendAuditEvent(tx, {
      actor: actorOf(staff),
      action: "scam_report.case_opened",
      target: { type: "scam_report", id: report.id },
      ip,
      data: { reference: report.reference, caseId: opened.id, caseNumber: opened.number, from: { status: report.status }, to: { status: "ESCALATED" } },
    });
    return { ok: true, message: `Case C-${opened.number} opened and assigned to you.`, caseNumber: opened.number };
  });
}
