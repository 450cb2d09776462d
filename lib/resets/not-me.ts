// A customer followed the "this wasn't me" link in a reset notification: flag the account and put
// a case in front of staff (reopen the reset's case, or open a new compromised-account case).
// Idempotent: following the link again changes nothing more.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";

export async function reportResetNotMe(resetId: string, ip: string): Promise<{ ok: boolean }> {
  return getDb().$transaction(async (tx) => {
    const reset = await tx.factorReset.findUnique({ where: { id: resetId }, select: { id: true, customerId: true, caseId: true, status: true } });
    if (!reset || reset.status !== "EXECUTED") return { ok: false };
    const already = await tx.auditEvent.findFirst({ where: { action: "reset.disputed_by_customer", targetId: reset.customerId, data: { path: ["resetId"], equals: reset.id } }, select: { seq: true } });
    if (already) return { ok: true };
    await tx.customer.update({ where: { id: reset.customerId }, data: { flaggedAt: new Date(), flagReason: "The customer said a 2FA reset by support was not requested by them." } });
    let caseId = reset.caseId;
    const note = "The customer followed the \"this wasn't me\" link in the reset notification. Treat the account as compromised.";
    if (caseId) {
      await tx.case.update({ where: { id: caseId }, data: { status: "OPEN", closedAt: null } });
    } else {
      caseId = (await tx.case.create({ data: { customerId: reset.customerId, type: "COMPROMISED_ACCOUNT", subject: "Customer disputes a 2FA reset", status: "OPEN" }, select: { id: true } })).id;
    }
    await tx.caseNote.create({ data: { caseId, kind: "SYSTEM", body: note } });
    await appendAuditEvent(tx, {
      actor: { type: "CUSTOMER", label: "not-me link" },
      action: "reset.disputed_by_customer",
      target: { type: "customer", id: reset.customerId },
      ip,
      data: { resetId: reset.id, caseId },
    });
    return { ok: true };
  });
}
