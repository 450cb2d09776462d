// A customer followed the "this wasn't me" link in a reset notification: record the dispute on the
// reset, flag the account and put a case in front of staff (reopen the reset's case, or open a new
// compromised-account case). Idempotent: following the link again changes nothing more.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/audit-log";
import { findOpenCompromisedCase, openCaseInTx, reopenCaseInTx, type CaseAuthor } from "@/lib/cases/cases";
import { flagCustomerInTx } from "@/lib/customers/account-actions";
import { fail, succeed, type Result } from "@/lib/result";

const NOT_ME_ACTOR: AuditActor = { type: "CUSTOMER", label: "not-me link" };
const CASE_NOTE =
  'The customer followed the "this wasn\'t me" link in the reset notification. Treat the account as compromised.';

export async function reportResetNotMe(resetId: string, ip: string): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    // Row lock: the link followed twice at once records one dispute and opens one case.
    const [reset] = await tx.$queryRaw<
      { id: string; customer_id: string; case_id: string | null; status: string; disputed_at: Date | null }[]
    >`
      SELECT id, customer_id, case_id, status::text AS status, disputed_at FROM factor_resets WHERE id = ${resetId}::uuid FOR UPDATE`;
    if (!reset || reset.status !== "EXECUTED") return fail("This link is not valid.");
    const done = succeed("Thank you. We have locked down your account and our team will contact you.");
    if (reset.disputed_at) return done;

    const now = new Date();
    const by: CaseAuthor = { staff: null, actor: NOT_ME_ACTOR, ip };
    await tx.factorReset.update({ where: { id: reset.id }, data: { disputedAt: now } });
    await flagCustomerInTx(
      tx,
      reset.customer_id,
      "The customer said a 2FA reset by support was not requested by them.",
      now,
    );
    // The reset's own case, else the customer's open compromised-account case, else a new one.
    let caseId = reset.case_id ?? (await findOpenCompromisedCase(tx, reset.customer_id))?.id ?? null;
    if (caseId) {
      await reopenCaseInTx(tx, by, caseId, CASE_NOTE);
    } else {
      const opened = await openCaseInTx(tx, by, {
        customerId: reset.customer_id,
        type: "COMPROMISED_ACCOUNT",
        subject: "Customer disputes a 2FA reset",
        note: CASE_NOTE,
      });
      caseId = opened.id;
    }
    await appendAuditEvent(tx, {
      actor: NOT_ME_ACTOR,
      action: "reset.disputed_by_customer",
      target: { type: "customer", id: reset.customer_id },
      ip,
      data: { resetId: reset.id, caseId },
    });
    return done;
  });
}
