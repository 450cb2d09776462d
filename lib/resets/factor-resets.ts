// The guarded 2FA reset. An agent records how they verified the caller and why; a risky account
// needs a supervisor (never the requester) to approve; execution removes the chosen factors, ends
// sessions, optionally forces a new password and queues the customer's notifications, all in one
// transaction with its audit events. The agent never sees or chooses the customer's next factor.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { addSystemNoteInTx } from "@/lib/cases/cases";
import {
  endSessionsInTx,
  removeFactorsInTx,
  requirePasswordChangeInTx,
} from "@/lib/customers/account-actions";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueResetNotifications } from "@/lib/notifications/outbox";
import { queueAccountActionInTx } from "@/lib/account-actions/outbound";
import { noticeRecipients, type ContactTrust } from "@/lib/customers/contact-trust";
import { loadContactTrust } from "@/lib/customers/contact-trust-data";
import { maskDestination } from "@/lib/customers/masking";
import { fail, succeed, type Result } from "@/lib/result";
import { resetRiskReasons, verificationApprovalReasons } from "./risk-gate";
import { confirmationForResetInTx } from "@/lib/caller-verification/caller-verification";
import { env } from "@/lib/env";
import type { ResetDecisionInput, ResetRequestInput } from "./schemas";

type Tx = Prisma.TransactionClient;
export type ResetOutcome = {
  status: "EXECUTED" | "PENDING_APPROVAL" | "REJECTED";
  resetId: string;
  /** Where the decision leads next: the approval screen links both. */
  customerId?: string;
  caseId?: string | null;
};

const RESETS_BLOCKED =
  'The customer answered "No, I did not contact you" to a confirmation request: resets are blocked until a supervisor reviews the case and clears the block on the customer\'s page.';

/** How long a request waits for a supervisor before it lapses. */
export const APPROVAL_WINDOW_MS = 4 * 60 * 60 * 1000;

const FACTOR_NAMES: Record<string, string> = {
  SMS: "text message codes",
  EMAIL: "email codes",
  AUTHENTICATOR_APP: "authenticator app",
  PASSKEY: "passkey",
  BACKUP_CODES: "backup codes",
  PASSWORD: "password",
};

/**
 * A callback only proves something when it reaches the customer: a number changed in the risk
 * window may be the attacker's. It is refused; the replaced one is offered instead (and must exist
 * to be chosen). Links are the desk's own (lib/caller-verification), which applies the same rule.
 */
export function verificationRefusal(trust: ContactTrust, method: string): string | null {
  const when = (entry: ContactTrust["phone"]) =>
    entry.lastChange ? entry.lastChange.occurredAt.toISOString().slice(0, 10) : "recently";
  switch (method) {
    case "CALLBACK_NUMBER_ON_FILE":
      return trust.phone.untrusted
        ? `The phone number on file was changed on ${when(trust.phone)}: it may be the attacker's, so a call to it proves nothing.${trust.phone.previous ? ` Call back the previous number ${maskDestination(trust.phone.previous)} instead,` : ""} or verify another way.`
        : null;
    case "CALLBACK_PREVIOUS_NUMBER":
      return trust.phone.previous
        ? null
        : "No phone number was replaced recently: call back the number on file.";
    default:
      return null;
  }
}

export async function requestFactorReset(
  ctx: StaffContext,
  input: ResetRequestInput,
): Promise<Result<ResetOutcome>> {
  const db = getDb();
  // Every id in the request is checked against the customer it claims to belong to.
  const customer = await db.customer.findUnique({
    where: { id: input.customerId },
    select: {
      id: true,
      resetsBlockedAt: true,
      factors: { where: { removedAt: null }, select: { id: true } },
    },
  });
  if (!customer) return fail("That customer does not exist.");
  const owned = new Set(customer.factors.map((factor) => factor.id));
  if (!input.factorIds.every((id) => owned.has(id)))
    return fail("Choose sign-in methods this customer has.", "factorIds");
  if (
    input.caseId &&
    !(await db.case.findFirst({ where: { id: input.caseId, customerId: customer.id }, select: { id: true } }))
  ) {
    return fail("That case is not this customer's.");
  }

  if (customer.resetsBlockedAt) return fail(RESETS_BLOCKED);
  const trust = await loadContactTrust(customer.id);
  const untrusted = trust ? verificationRefusal(trust, input.verificationMethod) : null;
  if (untrusted) return fail(untrusted, "verificationMethod");

  const riskReasons = [
    ...(await resetRiskReasons(customer.id)),
    ...verificationApprovalReasons(input.verificationMethod, env().CALLER_VERIFICATION_REQUIRED === "1"),
  ];
  return db.$transaction(async (tx) => {
    // One pending request per customer; the row lock serialises two agents submitting at once.
    const [locked] = await tx.$queryRaw<{ blocked: boolean }[]>`
      SELECT resets_blocked_at IS NOT NULL AS blocked FROM customers WHERE id = ${customer.id}::uuid FOR UPDATE`;
    if (locked?.blocked) return fail(RESETS_BLOCKED);
    const confirmation =
      input.verificationMethod === "CONFIRMED_BY_CUSTOMER" && input.callerVerificationId
        ? await confirmationForResetInTx(tx, {
            verificationId: input.callerVerificationId,
            customerId: customer.id,
            staffId: ctx.staff.id,
            now: new Date(),
          })
        : null;
    if (confirmation && !confirmation.ok) return confirmation;
    const pending = await tx.factorReset.findFirst({
      where: { customerId: customer.id, status: "PENDING_APPROVAL", expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending) return fail("A reset for this customer is already waiting for approval.");
    const reset = await tx.factorReset.create({
      data: {
        customerId: customer.id,
        caseId: input.caseId,
        requestedById: ctx.staff.id,
        status: "PENDING_APPROVAL",
        reason: input.reason,
        verificationMethod: input.verificationMethod,
        verificationDetail:
          input.verificationDetail ??
          (confirmation?.ok
            ? `Confirmed by the customer from ${confirmation.data.destinationHint}`
            : undefined),
        callerVerificationId: confirmation?.ok ? input.callerVerificationId : undefined,
        factorIds: input.factorIds,
        revokeSessions: input.revokeSessions,
        forcePasswordReset: input.forcePasswordReset,
        riskReasons,
        expiresAt: new Date(Date.now() + APPROVAL_WINDOW_MS),
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "reset.requested",
      target: { type: "customer", id: customer.id },
      reason: input.reason,
      ip: ctx.ip,
      data: {
        resetId: reset.id,
        verificationMethod: input.verificationMethod,
        factors: input.factorIds.length,
        riskReasons,
        caseId: input.caseId,
      },
    });
    if (riskReasons.length > 0) {
      if (input.caseId)
        await addSystemNoteInTx(
          tx,
          ctx,
          input.caseId,
          "2FA reset requested; waiting for a supervisor's approval.",
        );
      return succeed<ResetOutcome>(
        "This reset needs a second person: a supervisor must approve the reset (the reasons are listed with it). It is waiting in their approvals queue.",
        { status: "PENDING_APPROVAL", resetId: reset.id },
      );
    }
    const carried = await executeReset(tx, ctx, reset.id);
    return succeed<ResetOutcome>(`Done. The sign-in methods were removed ${whereItGoes(carried)}`, {
      status: "EXECUTED",
      resetId: reset.id,
    });
  });
}

/** Approve or reject a pending request. Double submissions find the request already decided. */
export async function decideFactorReset(
  ctx: StaffContext,
  input: ResetDecisionInput,
): Promise<Result<ResetOutcome>> {
  const { resetId, decision, note } = input;
  return getDb().$transaction(async (tx) => {
    const [reset] = await tx.$queryRaw<
      {
        id: string;
        status: string;
        requested_by_id: string;
        expires_at: Date;
        customer_id: string;
        case_id: string | null;
        blocked: boolean;
      }[]
    >`
      SELECT r.id, r.status::text, r.requested_by_id, r.expires_at, r.customer_id, r.case_id,
             c.resets_blocked_at IS NOT NULL AS blocked
      FROM factor_resets r JOIN customers c ON c.id = r.customer_id
      WHERE r.id = ${resetId}::uuid FOR UPDATE OF r, c`;
    if (!reset) return fail("That reset request does not exist.");
    if (!can(ctx.staff, "reset:approve", { kind: "factor-reset", requestedById: reset.requested_by_id })) {
      return fail("You cannot approve your own request. Another supervisor must decide.");
    }
    if (reset.status !== "PENDING_APPROVAL") return fail("This request has already been decided.");
    if (decision === "approve" && reset.blocked) return fail(RESETS_BLOCKED);
    if (reset.expires_at <= new Date()) {
      await tx.factorReset.update({ where: { id: resetId }, data: { status: "EXPIRED" } });
      await appendAuditEvent(tx, {
        actor: { type: "SYSTEM", label: "approval window" },
        action: "reset.expired",
        target: { type: "customer", id: reset.customer_id },
        data: { resetId },
      });
      return fail("This request expired before anyone approved it. The agent must request it again.");
    }
    await tx.factorReset.update({
      where: { id: resetId },
      data: {
        decidedById: ctx.staff.id,
        decidedAt: new Date(),
        decisionNote: note,
        ...(decision === "reject" ? { status: "REJECTED" } : {}),
      },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: decision === "approve" ? "reset.approved" : "reset.rejected",
      target: { type: "customer", id: reset.customer_id },
      reason: note,
      ip: ctx.ip,
      data: { resetId },
    });
    if (decision === "reject") {
      if (reset.case_id)
        await addSystemNoteInTx(tx, ctx, reset.case_id, `2FA reset rejected${note ? `: ${note}` : "."}`);
      return succeed<ResetOutcome>("Rejected. Nothing was changed on the account.", {
        status: "REJECTED",
        resetId,
        customerId: reset.customer_id,
        caseId: reset.case_id,
      });
    }
    const carried = await executeReset(tx, ctx, resetId);
    return succeed<ResetOutcome>(
      `Approved and done: the sign-in methods were removed ${whereItGoes(carried)}`,
      {
        status: "EXECUTED",
        resetId,
        customerId: reset.customer_id,
        caseId: reset.case_id,
      },
    );
  });
}

/** How the reset reaches the identity system, and when the customer hears of it, in one sentence's end. */
function whereItGoes(identitySystems: number): string {
  return identitySystems > 0
    ? `in the desk and sent to the identity system; the customer is told once it confirms (see the customer's account actions).`
    : "in the desk and the customer has been notified. No identity system is connected: remove them there by hand too.";
}

/** Carries out the reset; answers how many identity-system endpoints it was sent to. */
async function executeReset(tx: Tx, ctx: StaffContext, resetId: string): Promise<number> {
  const reset = await tx.factorReset.findUniqueOrThrow({
    where: { id: resetId },
    select: {
      id: true,
      factorIds: true,
      revokeSessions: true,
      forcePasswordReset: true,
      caseId: true,
      reason: true,
      customer: { select: { id: true, fullName: true } },
    },
  });
  const now = new Date();
  const factors = await removeFactorsInTx(tx, reset.customer.id, reset.factorIds, now);
  const sessionsEnded = reset.revokeSessions
    ? await endSessionsInTx(tx, reset.customer.id, "Two-step verification reset by support", now)
    : 0;
  if (reset.forcePasswordReset) await requirePasswordChangeInTx(tx, reset.customer.id);
  // Decided here, carried out by the identity system: one queued action per change.
  const queued = { customerId: reset.customer.id, reason: reset.reason, caseId: reset.caseId };
  const factorsAction = await queueAccountActionInTx(tx, ctx, {
    ...queued,
    kind: "FACTORS_RESET",
    detail: {
      resetId: reset.id,
      factorIds: factors.map((factor) => factor.id),
      factorTypes: [...new Set(factors.map((factor) => factor.type))],
      // The identity system's ids for the factors it knows, as its directory events named them.
      removedFactors: factors.flatMap((factor) =>
        factor.externalId && factor.type !== "PASSWORD"
          ? [{ id: factor.externalId, type: factor.type.toLowerCase() }]
          : [],
      ),
    },
    auditAction: "reset.executed",
  });
  if (reset.revokeSessions)
    await queueAccountActionInTx(tx, ctx, {
      ...queued,
      kind: "SESSIONS_ENDED",
      detail: { resetId: reset.id, sessions: sessionsEnded },
      auditAction: "reset.executed",
    });
  if (reset.forcePasswordReset)
    await queueAccountActionInTx(tx, ctx, {
      ...queued,
      kind: "PASSWORD_CHANGE_REQUIRED",
      detail: { resetId: reset.id },
      auditAction: "reset.executed",
    });
  // Every contact on file and every one replaced in the risk window: never only a new number.
  const trust = await loadContactTrust(reset.customer.id, { tx, now });
  const recipients = trust ? noticeRecipients(trust) : { emails: [], phones: [] };
  // The notice waits for the identity system to confirm the reset (sent at once when none is connected).
  const notifications = await queueResetNotifications(tx, reset.customer, recipients, {
    waitsForActionId: factorsAction,
    id: reset.id,
    executedAt: now,
    removedFactors: factors.map((factor) => `${FACTOR_NAMES[factor.type] ?? factor.type} (${factor.label})`),
    sessionsEnded: reset.revokeSessions,
    passwordResetRequired: reset.forcePasswordReset,
  });
  await tx.factorReset.update({ where: { id: reset.id }, data: { status: "EXECUTED", executedAt: now } });
  if (reset.caseId) {
    const ended = reset.revokeSessions ? `, ${sessionsEnded} session(s) ended` : "";
    const password = reset.forcePasswordReset ? ", new password required" : "";
    await addSystemNoteInTx(
      tx,
      ctx,
      reset.caseId,
      `2FA reset done: ${factors.length} sign-in method(s) removed${ended}${password}. Customer notified on every trusted and replaced contact.`,
    );
  }
  await appendAuditEvent(tx, {
    actor: ctx.actor,
    action: "reset.executed",
    target: { type: "customer", id: reset.customer.id },
    ip: ctx.ip,
    data: {
      resetId: reset.id,
      factorsRemoved: factors.map((factor) => factor.type),
      sessionsEnded,
      passwordResetRequired: reset.forcePasswordReset,
      notificationsQueued: notifications,
    },
  });
  return tx.actionDelivery.count({ where: { actionId: factorsAction } });
}

export type PendingReset = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  reason: string;
  verificationMethod: string;
  verificationDetail: string | null;
  riskReasons: string[];
  revokeSessions: boolean;
  forcePasswordReset: boolean;
  requestedBy: { id: string; name: string; email: string };
  customer: { id: string; fullName: string; externalId: string };
  factors: { id: string; type: string; label: string }[];
};

/**
 * Resets waiting for a decision that this supervisor may take: never their own request (four eyes),
 * so their count on the home page and the navigation is what they can act on. A count as a
 * subquery (see lib/workspace/workload.ts).
 */
export function pendingResetsCount(decidedBy: string, now = new Date()): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM factor_resets
                     WHERE status = 'PENDING_APPROVAL' AND expires_at > ${now}
                       AND requested_by_id <> ${decidedBy}::uuid)`;
}

/** Every pending request (the approvals queue), or one customer's. */
export async function listPendingResets(customerId?: string): Promise<PendingReset[]> {
  const db = getDb();
  // Scalars first, names after: Prisma loads each relation with a query of its own even when no
  // row matched, and for one customer nothing is usually pending (the customer page reads the same
  // rows in its own statement, lib/customers/customer-page-lists.ts).
  const rows = await db.factorReset.findMany({
    where: {
      status: "PENDING_APPROVAL",
      expiresAt: { gt: new Date() },
      ...(customerId ? { customerId } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      reason: true,
      verificationMethod: true,
      verificationDetail: true,
      riskReasons: true,
      revokeSessions: true,
      forcePasswordReset: true,
      factorIds: true,
      requestedById: true,
      customerId: true,
    },
  });
  if (rows.length === 0) return [];
  const [staff, customers, factors] = await Promise.all([
    db.staffUser.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.requestedById))] } },
      select: { id: true, name: true, email: true },
    }),
    db.customer.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.customerId))] } },
      select: { id: true, fullName: true, externalId: true },
    }),
    db.secondFactor.findMany({
      where: { id: { in: rows.flatMap((row) => row.factorIds) } },
      select: { id: true, type: true, label: true },
    }),
  ]);
  const staffById = new Map(staff.map((member) => [member.id, member]));
  const customerById = new Map(customers.map((customer) => [customer.id, customer]));
  const byId = new Map(factors.map((factor) => [factor.id, factor]));
  return rows.flatMap(({ factorIds, requestedById, customerId: rowCustomerId, ...row }) => {
    const requestedBy = staffById.get(requestedById);
    const customer = customerById.get(rowCustomerId);
    // Foreign keys guarantee both; the guard only satisfies the types.
    if (!requestedBy || !customer) return [];
    return [{ ...row, requestedBy, customer, factors: factorIds.flatMap((id) => byId.get(id) ?? []) }];
  });
}
