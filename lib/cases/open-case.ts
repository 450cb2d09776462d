// Opening a case. Deliberately small: the cases area (issue #6) owns cases and builds the rest
// (checklists, notes, assignment rules) on top of this function.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseType } from "@/lib/generated/prisma/enums";

export type OpenCaseInput = {
  customerId: string;
  type: CaseType;
  subject: string;
  /** The scam report the case was opened from, recorded in the audit event. */
  scamReportId?: string;
};

export type OpenedCase = { id: string; number: number };

/**
 * Creates an open case, assigned to whoever opened it, with a `case.opened` audit event in the
 * same transaction. Pass `tx` to make it part of a larger change (e.g. linking the report).
 */
export async function openCase(
  staff: Pick<CurrentStaff, "id" | "email">,
  input: OpenCaseInput,
  options: { tx?: Prisma.TransactionClient; ip?: string } = {},
): Promise<OpenedCase> {
  const run = async (tx: Prisma.TransactionClient): Promise<OpenedCase> => {
    const created = await tx.case.create({
      data: { customerId: input.customerId, type: input.type, subject: input.subject, openedById: staff.id, assigneeId: staff.id },
      select: { id: true, number: true },
    });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: staff.id, label: staff.email },
      action: "case.opened",
      target: { type: "case", id: created.id },
      ip: options.ip,
      data: { number: created.number, type: input.type, customerId: input.customerId, ...(input.scamReportId ? { scamReportId: input.scamReportId } : {}) },
    });
    return created;
  };
  return options.tx ? run(options.tx) : getDb().$transaction(run);
}
