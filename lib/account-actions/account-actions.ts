// The protective actions an agent takes from the customer page: end one session or all of them,
// require a new password, lock the account, and (with step-up) unlock it. Each runs in one
// transaction that locks the customer's row (two agents acting at once apply one after the
// other), refuses a page that is out of date, changes the desk's record, queues the action for the
// identity system, writes its audit event and tells the customer on every trusted and replaced
// contact (lib/customers/contact-trust.ts).
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import {
  endSessionInTx,
  endSessionsInTx,
  requirePasswordChangeInTx,
  setAccountLockedInTx,
} from "@/lib/customers/account-actions";
import { noticeRecipients } from "@/lib/customers/contact-trust";
import { loadContactTrust } from "@/lib/customers/contact-trust-data";
import type { AccountActionKind, Prisma } from "@/lib/generated/prisma/client";
import { queueAccountNotice } from "@/lib/notifications/outbox";
import { fail, succeed, type Result } from "@/lib/result";
import { queueAccountActionInTx } from "./outbound";
import type { ProtectiveActionInput, UnlockInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export type LockedCustomer = { id: string; fullName: string; status: string; updatedAt: Date };

/**
 * Locks the customer's row for the rest of the transaction and checks the form was made from the
 * current state. A closed (erased) account takes no actions.
 */
export async function lockCustomerForAction(
  tx: Tx,
  customerId: string,
  customerVersion: string,
): Promise<LockedCustomer | string> {
  const [customer] = await tx.$queryRaw<LockedCustomer[]>`
    SELECT id, full_name AS "fullName", status::text AS status, updated_at AS "updatedAt"
    FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`;
  if (!customer) return "That customer does not exist.";
  if (customer.status === "CLOSED") return "This account is closed: nothing can be changed on it.";
  if (customer.updatedAt.toISOString() !== customerVersion)
    return "This customer's account changed after you opened the page. Reload it, check what changed, then try again.";
  return customer;
}

type Step = { kind: AccountActionKind; audit: string; told: string; message: string; detail?: object };

export async function takeProtectiveAction(ctx: StaffContext, input: ProtectiveActionInput): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    const customer = await lockCustomerForAction(tx, input.customerId, input.customerVersion);
    if (typeof customer === "string") return fail(customer);
    const now = new Date();
    let step: Step;
    switch (input.action) {
      case "end-session": {
        const sessionId = input.sessionId ?? "";
        if (!(await endSessionInTx(tx, customer.id, sessionId, "Ended by support", now)))
          return fail("That session has already ended or is not this customer's.", "sessionId");
        step = {
          kind: "SESSION_ENDED",
          audit: "account.session_ended",
          told: "You were signed out on one device.",
          message: "Session ended.",
          detail: { sessionId },
        };
        break;
      }
      case "end-all-sessions": {
        const ended = await endSessionsInTx(tx, customer.id, "Ended by support", now);
        if (ended === 0) return fail("This customer has no live session to end.");
        step = {
          kind: "SESSIONS_ENDED",
          audit: "account.sessions_ended",
          told: "You were signed out on every device.",
          message: `Every session ended (${ended}).`,
          detail: { sessions: ended },
        };
        break;
      }
      case "require-password": {
        const current = await tx.customer.findUniqueOrThrow({
          where: { id: customer.id },
          select: { passwordResetRequired: true },
        });
        if (current.passwordResetRequired) return fail("A new password is already required at next sign-in.");
        await requirePasswordChangeInTx(tx, customer.id);
        step = {
          kind: "PASSWORD_CHANGE_REQUIRED",
          audit: "account.password_change_required",
          told: "You must choose a new password the next time you sign in.",
          message: "A new password is now required at next sign-in.",
        };
        break;
      }
      case "lock": {
        if (customer.status === "LOCKED") return fail("The account is already locked.");
        await setAccountLockedInTx(tx, customer.id, true);
        step = {
          kind: "ACCOUNT_LOCKED",
          audit: "account.locked",
          told: "Your account is locked: nobody can sign in until support unlocks it with you.",
          message: "Account locked: nobody can sign in until it is unlocked.",
        };
        break;
      }
    }
    return finishAction(tx, ctx, customer, input.reason, step, now);
  });
}

export async function unlockAccount(ctx: StaffContext, input: UnlockInput): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    const customer = await lockCustomerForAction(tx, input.customerId, input.customerVersion);
    if (typeof customer === "string") return fail(customer);
    if (customer.status !== "LOCKED") return fail("The account is not locked.");
    const now = new Date();
    await setAccountLockedInTx(tx, customer.id, false);
    return finishAction(
      tx,
      ctx,
      customer,
      input.reason,
      {
        kind: "ACCOUNT_UNLOCKED",
        audit: "account.unlocked",
        told: "Your account is unlocked: you can sign in again.",
        message: "Account unlocked.",
      },
      now,
    );
  });
}

async function finishAction(
  tx: Tx,
  ctx: StaffContext,
  customer: LockedCustomer,
  reason: string,
  step: Step,
  now: Date,
): Promise<Result> {
  await appendAuditEvent(tx, {
    actor: ctx.actor,
    action: step.audit,
    target: { type: "customer", id: customer.id },
    reason,
    ip: ctx.ip,
    data: { ...step.detail },
  });
  await queueAccountActionInTx(tx, ctx, {
    customerId: customer.id,
    kind: step.kind,
    reason,
    detail: { ...step.detail },
    auditAction: step.audit,
  });
  const trust = await loadContactTrust(customer.id, { tx, now });
  const told = trust
    ? await queueAccountNotice(tx, customer, noticeRecipients(trust), { when: now, changes: [step.told] })
    : 0;
  return succeed(`${step.message} The customer was told (${told} message${told === 1 ? "" : "s"}).`);
}
