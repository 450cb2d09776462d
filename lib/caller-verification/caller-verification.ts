// Caller verification the desk performs. The agent picks a contact the real customer still holds
// (contacts.ts); the desk sends a single-use link to it; the customer answers on their own device
// "Yes, that's me on the phone" or "No, I did not contact you". Nobody reads out a code. A "Yes"
// lets that agent's reset on that customer go ahead without the supervisor a bare claim needs;
// a "No" flags the account, blocks resets until a supervisor clears them, puts a case in front of
// staff and alerts supervisors. A "No" beats a "Yes" given to the same request (an attacker who
// can read the contact too must not outvote the customer), so concurrent answers end one way.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { findOpenCompromisedCase, openCaseInTx, reopenCaseInTx, type CaseAuthor } from "@/lib/cases/cases";
import { blockResetsInTx, clearResetBlockInTx, flagCustomerInTx } from "@/lib/customers/account-actions";
import { loadContactTrust } from "@/lib/customers/contact-trust-data";
import { sealContact } from "@/lib/customers/contact-values";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueCallerDeclinedAlert, queueCallerVerificationRequest } from "@/lib/notifications/outbox";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { fail, succeed, type Result } from "@/lib/result";
import { resolveVerificationContact } from "./contacts";
import { queueAccountActionInTx } from "@/lib/account-actions/outbound";
import { appPromptsAvailable } from "@/lib/integrations/endpoints";
import type {
  ClearResetBlockInput,
  VerificationAnswerInput,
  VerificationCancelInput,
  VerificationRequestInput,
} from "./schemas";
import { hashVerificationToken, newVerificationToken } from "./token";

type Tx = Prisma.TransactionClient;
export type VerificationStatus = "PENDING" | "CONFIRMED" | "DECLINED" | "EXPIRED" | "CANCELLED";

/** How long the customer has to answer: the length of a phone call, not of a day. */
export const REQUEST_LIFETIME_MS = 10 * 60_000;
/** How long a "Yes" stands in for verification of a reset requested by the same agent. */
export const CONFIRMATION_USABLE_MS = 30 * 60_000;
/** An agent cannot flood a customer's phone, nor work through many customers' phones. */
export const CUSTOMER_LIMIT: RateLimitRule = { name: "caller-verify-customer", limit: 3, windowSeconds: 900 };
export const AGENT_LIMIT: RateLimitRule = { name: "caller-verify-agent", limit: 10, windowSeconds: 3600 };

/** What the customer is told the agent is asking for, after "is asking …". */
export const PURPOSE_TEXT = {
  FACTOR_RESET: "to reset your sign-in methods (two-step verification)",
  ACCOUNT_HELP: "to confirm it is you before helping with your account",
} as const;

const CUSTOMER_ACTOR: AuditActor = { type: "CUSTOMER", label: "caller-verification link" };
const EXPIRY_ACTOR: AuditActor = { type: "SYSTEM", label: "caller-verification expiry" };
const APP_ACTOR: AuditActor = { type: "CUSTOMER", label: "identity system app prompt" };

export const DECLINED_FLAG_REASON =
  'The customer answered "No, I did not contact you" while someone on the phone claimed to be them.';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export async function requestCallerVerification(
  ctx: StaffContext,
  input: VerificationRequestInput,
): Promise<Result<{ verificationId: string }>> {
  const db = getDb();
  const customer = await db.customer.findUnique({
    where: { id: input.customerId },
    select: { id: true, fullName: true, status: true, erasedAt: true },
  });
  if (!customer) return fail("That customer does not exist.");
  if (customer.erasedAt || customer.status === "CLOSED")
    return fail("This account is closed: there is nobody to verify.");
  const trust = await loadContactTrust(customer.id);
  if (!trust) return fail("That customer does not exist.");
  const appPrompts = input.contact === "app" && (await appPromptsAvailable());
  const resolved = resolveVerificationContact(trust, input.contact, appPrompts);
  if ("refusal" in resolved) return fail(resolved.refusal, "contact");
  const { contact } = resolved;
  if (await pendingRequest(db, customer.id, new Date()))
    return fail("A request is already waiting for the customer's answer. Cancel it to send another.");

  for (const [rule, subject, message] of [
    [AGENT_LIMIT, ctx.staff.id, "You have sent the most confirmation requests allowed in an hour."],
    [CUSTOMER_LIMIT, customer.id, "This customer has been sent the most confirmation requests allowed."],
  ] as const) {
    const limit = await hitRateLimit(rule, subject);
    if (!limit.allowed) {
      await db.$transaction((tx) =>
        appendAuditEvent(tx, {
          actor: ctx.actor,
          action: "caller_verification.rate_limited",
          target: { type: "customer", id: customer.id },
          ip: ctx.ip,
          data: { limit: rule.name },
        }),
      );
      return fail(`${message} Try again in ${minutes(limit.retryAfterSeconds)} minute(s).`);
    }
  }

  const { token, hash } = newVerificationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + REQUEST_LIFETIME_MS);
  return db.$transaction(async (tx) => {
    // Row lock: two agents sending at once leave one pending request, not two.
    await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customer.id}::uuid FOR UPDATE`;
    if (await pendingRequest(tx, customer.id, now))
      return fail("A request is already waiting for the customer's answer. Cancel it to send another.");
    const created = await tx.callerVerification.create({
      data: {
        customerId: customer.id,
        requestedById: ctx.staff.id,
        channel: contact.channel,
        purpose: input.purpose,
        destination: sealContact(contact.destination) ?? "",
        destinationHint: contact.masked,
        // An app prompt has no link: its secret is never sent anywhere, so nobody can answer by token.
        tokenHash: hash,
        expiresAt,
      },
      select: { id: true },
    });
    if (contact.channel === "APP") {
      // Through the outbound queue, like every account action: delivered, retried, confirmed.
      const actionId = await queueAccountActionInTx(tx, ctx, {
        customerId: customer.id,
        kind: "CALLER_VERIFICATION_REQUESTED",
        reason: `An agent is asking ${PURPOSE_TEXT[input.purpose]}`,
        detail: {
          verificationId: created.id,
          purpose: input.purpose.toLowerCase(),
          prompt: `${firstName(ctx.staff.name)} from support is on the phone with someone who says they are you, and is asking ${PURPOSE_TEXT[input.purpose]}. Is that you?`,
          expiresAt: expiresAt.toISOString(),
        },
        auditAction: "caller_verification.requested",
      });
      await tx.callerVerification.update({ where: { id: created.id }, data: { promptActionId: actionId } });
    } else {
      await queueCallerVerificationRequest(tx, {
        customer,
        channel: contact.channel,
        destination: contact.destination,
        agentFirstName: firstName(ctx.staff.name),
        purpose: PURPOSE_TEXT[input.purpose],
        expiresAt,
        token,
      });
    }
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "caller_verification.requested",
      target: { type: "customer", id: customer.id },
      ip: ctx.ip,
      data: {
        verificationId: created.id,
        channel: contact.channel,
        contact: input.contact,
        destination: contact.masked,
        purpose: input.purpose,
      },
    });
    return succeed(
      contact.channel === "APP"
        ? "Sent to the identity system, which prompts the customer's app. Ask the caller to answer there; this page shows their answer when it comes."
        : `Sent by ${contact.channel === "EMAIL" ? "email" : "text message"} to ${contact.masked}. Ask the caller to open it and answer; this page shows their answer when it comes.`,
      { verificationId: created.id },
    );
  });
}

async function pendingRequest(client: Tx, customerId: string, now: Date): Promise<boolean> {
  const found = await client.callerVerification.findFirst({
    where: { customerId, status: "PENDING", expiresAt: { gt: now } },
    select: { id: true },
  });
  return found !== null;
}

export async function cancelCallerVerification(
  ctx: StaffContext,
  input: VerificationCancelInput,
): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    const cancelled = await tx.callerVerification.updateMany({
      where: { id: input.verificationId, customerId: input.customerId, status: "PENDING" },
      data: { status: "CANCELLED", cancelledAt: new Date() },
    });
    if (cancelled.count === 0) return fail("That request is no longer waiting for an answer.");
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "caller_verification.cancelled",
      target: { type: "customer", id: input.customerId },
      ip: ctx.ip,
      data: { verificationId: input.verificationId },
    });
    return succeed("Cancelled. The link no longer works.");
  });
}

/** What the customer's page shows before they answer (null: not a link we sent). */
export async function describeVerificationRequest(token: string, now = new Date()) {
  const row = await getDb().callerVerification.findUnique({
    where: { tokenHash: hashVerificationToken(token) },
    select: {
      status: true,
      purpose: true,
      expiresAt: true,
      createdAt: true,
      requestedBy: { select: { name: true } },
    },
  });
  if (!row) return null;
  return {
    status: effectiveStatus(row.status, row.expiresAt, now),
    purpose: PURPOSE_TEXT[row.purpose],
    agentFirstName: firstName(row.requestedBy.name),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

function effectiveStatus(status: VerificationStatus, expiresAt: Date, now: Date): VerificationStatus {
  return status === "PENDING" && expiresAt <= now ? "EXPIRED" : status;
}

export type AnswerOutcome = "confirmed" | "declined";

type LockedRequest = {
  id: string;
  customer_id: string;
  status: VerificationStatus;
  expires_at: Date;
  requested_by_id: string;
};
type Answerer = { actor: AuditActor; ip?: string };

/** The customer's answer on the page of the link; refused (nothing changed) for a link we did not send, cancelled or expired. */
export async function answerCallerVerification(
  input: VerificationAnswerInput,
  ip: string,
  now = new Date(),
): Promise<Result<{ outcome: AnswerOutcome }>> {
  return getDb().$transaction(async (tx) => {
    // Row lock: a "Yes" and a "No" at once are taken one after the other.
    const [row] = await tx.$queryRaw<LockedRequest[]>`
      SELECT id, customer_id, status::text AS status, expires_at, requested_by_id
      FROM caller_verifications WHERE token_hash = ${hashVerificationToken(input.token)} AND channel <> 'APP'
      FOR UPDATE`;
    if (!row) return fail("This link is not valid.");
    return answerLockedInTx(tx, row, input.answer, { actor: CUSTOMER_ACTOR, ip }, now);
  });
}

/**
 * The customer's answer to a prompt in the identity system's app, reported back as a directory
 * event. Only the identity system that was sent the prompt may answer it: its key must be the one
 * linked to an endpoint the prompt was delivered to. Refusals name the reason for its developers.
 */
export async function answerFromIdentitySystemInTx(
  tx: Tx,
  input: { verificationId: string; customerId: string; answer: "yes" | "no"; sourceKeyId: string | null },
  now = new Date(),
): Promise<Result<{ outcome: AnswerOutcome }>> {
  const [row] = await tx.$queryRaw<(LockedRequest & { sent_to_key: boolean })[]>`
    SELECT v.id, v.customer_id, v.status::text AS status, v.expires_at, v.requested_by_id,
           EXISTS (SELECT 1 FROM action_deliveries d JOIN integration_endpoints e ON e.id = d.endpoint_id
                   WHERE d.action_id = v.prompt_action_id AND e.api_key_id = ${input.sourceKeyId}::uuid) AS sent_to_key
    FROM caller_verifications v
    WHERE v.id = ${input.verificationId}::uuid AND v.customer_id = ${input.customerId}::uuid AND v.channel = 'APP'
    FOR UPDATE OF v`;
  if (!row) return fail("No prompt with this verificationId was sent for this customer.");
  if (!row.sent_to_key)
    return fail("This key's identity system was not sent that prompt, so it cannot answer it.");
  return answerLockedInTx(tx, row, input.answer, { actor: APP_ACTOR }, now);
}

async function answerLockedInTx(
  tx: Tx,
  row: LockedRequest,
  answer: "yes" | "no",
  by: Answerer,
  now: Date,
): Promise<Result<{ outcome: AnswerOutcome }>> {
  const status = effectiveStatus(row.status, row.expires_at, now);
  if (status === "CANCELLED")
    return fail("The agent cancelled this request, so nothing was changed. You do not need to do anything.");
  if (status === "EXPIRED")
    return fail(
      "This request has expired, so nothing was changed. If you are on the phone with us, ask for a new one.",
    );
  if (status === "DECLINED")
    return fail(
      "You already told us this was not you. Your account is protected and our team will contact you.",
    );
  if (answer === "yes") {
    if (status === "CONFIRMED")
      return succeed("You already confirmed. You can go back to the call.", { outcome: "confirmed" });
    await tx.callerVerification.update({
      where: { id: row.id },
      data: { status: "CONFIRMED", answeredAt: now, answeredIp: by.ip ?? null },
    });
    await appendAuditEvent(tx, {
      actor: by.actor,
      action: "caller_verification.confirmed",
      target: { type: "customer", id: row.customer_id },
      ip: by.ip,
      data: { verificationId: row.id },
    });
    return succeed("Thank you. You can go back to the call: the agent can see that you confirmed.", {
      outcome: "confirmed",
    });
  }
  // "No", also after a "Yes" to the same request: the customer's denial always stands.
  await tx.callerVerification.update({
    where: { id: row.id },
    data: { status: "DECLINED", answeredAt: now, answeredIp: by.ip ?? null },
  });
  const caseInfo = await protectAfterDenial(tx, row.customer_id, row.requested_by_id, by, now);
  await appendAuditEvent(tx, {
    actor: by.actor,
    action: "caller_verification.declined",
    target: { type: "customer", id: row.customer_id },
    ip: by.ip,
    data: { verificationId: row.id, afterConfirming: status === "CONFIRMED", caseId: caseInfo.id },
  });
  return succeed(
    "Thank you for telling us. We have stopped any changes to your sign-in security, and our security team will contact you through the details we had on file before. Do not share any code with anyone.",
    { outcome: "declined" },
  );
}

const DENIAL_NOTE =
  'The customer answered "No, I did not contact you" to a caller-verification request: whoever was on the phone was probably not them. 2FA resets are blocked until a supervisor clears the block.';

/** Flag, block resets, open or update the compromised-account case, alert supervisors. */
async function protectAfterDenial(
  tx: Tx,
  customerId: string,
  agentId: string,
  answerer: Answerer,
  now: Date,
) {
  const by: CaseAuthor = { staff: null, actor: answerer.actor, ip: answerer.ip };
  await flagCustomerInTx(tx, customerId, DECLINED_FLAG_REASON, now);
  await blockResetsInTx(tx, customerId, DECLINED_FLAG_REASON, now);
  const open = await findOpenCompromisedCase(tx, customerId);
  let caseInfo: { id: string; number: number };
  if (open) {
    await reopenCaseInTx(tx, by, open.id, DENIAL_NOTE);
    caseInfo = open;
  } else {
    caseInfo = await openCaseInTx(tx, by, {
      customerId,
      type: "COMPROMISED_ACCOUNT",
      subject: "Caller impersonated the customer",
      note: DENIAL_NOTE,
    });
  }
  const [customer, agent, supervisors] = await Promise.all([
    tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { fullName: true } }),
    tx.staffUser.findUniqueOrThrow({ where: { id: agentId }, select: { name: true } }),
    tx.staffUser.findMany({ where: { role: "SUPERVISOR", deactivatedAt: null }, select: { email: true } }),
  ]);
  await queueCallerDeclinedAlert(tx, {
    customerId,
    customerName: customer.fullName,
    agentName: agent.name,
    caseNumber: caseInfo.number,
    supervisorEmails: supervisors.map((supervisor) => supervisor.email),
  });
  return caseInfo;
}

/** Marks unanswered requests past their time as expired, with an audit row each; answers how many. */
export async function expireCallerVerifications(now = new Date(), batch = 100): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const expired = await tx.$queryRaw<{ id: string; customer_id: string }[]>`
      UPDATE caller_verifications SET status = 'EXPIRED'
      WHERE id IN (
        SELECT id FROM caller_verifications WHERE status = 'PENDING' AND expires_at <= ${now}
        ORDER BY expires_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
      RETURNING id, customer_id`;
    for (const row of expired)
      await appendAuditEvent(tx, {
        actor: EXPIRY_ACTOR,
        action: "caller_verification.expired",
        target: { type: "customer", id: row.customer_id },
        data: { verificationId: row.id },
      });
    return expired.length;
  });
}

export type CallerVerificationView = {
  id: string;
  status: VerificationStatus;
  channel: "EMAIL" | "SMS" | "APP";
  purpose: keyof typeof PURPOSE_TEXT;
  destinationHint: string;
  createdAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
  requestedBy: { id: string; name: string };
  usedByResetId: string | null;
};

/**
 * The customer's latest request (of the last day) and whether resets are blocked, for the console.
 * One statement: the panel is on the customer page, the console's most viewed (see
 * docs/performance/console-speed.md); Prisma would send four, two of them for relations of a
 * request that usually does not exist.
 */
export async function callerVerificationPanel(customerId: string, now = new Date()) {
  const rows = await getDb().$queryRaw<
    {
      resets_blocked_at: Date | null;
      resets_blocked_reason: string | null;
      id: string | null;
      status: VerificationStatus;
      channel: CallerVerificationView["channel"];
      purpose: CallerVerificationView["purpose"];
      destination_hint: string;
      created_at: Date;
      expires_at: Date;
      answered_at: Date | null;
      requested_by_id: string;
      requested_by_name: string;
      used_by_reset_id: string | null;
    }[]
  >`
    SELECT c.resets_blocked_at, c.resets_blocked_reason,
           v.id::text, v.status::text AS status, v.channel::text AS channel, v.purpose::text AS purpose,
           v.destination_hint, v.created_at, v.expires_at, v.answered_at,
           v.requested_by_id::text, u.name AS requested_by_name, r.id::text AS used_by_reset_id
    FROM customers c
    LEFT JOIN LATERAL (
      SELECT * FROM caller_verifications
      WHERE customer_id = c.id AND created_at > ${new Date(now.getTime() - 86_400_000)}
      ORDER BY created_at DESC LIMIT 1
    ) v ON true
    LEFT JOIN staff_users u ON u.id = v.requested_by_id
    LEFT JOIN factor_resets r ON r.caller_verification_id = v.id
    WHERE c.id = ${customerId}::uuid`;
  const row = rows[0];
  const view: CallerVerificationView | null =
    row?.id != null
      ? {
          id: row.id,
          status: effectiveStatus(row.status, row.expires_at, now),
          channel: row.channel,
          purpose: row.purpose,
          destinationHint: row.destination_hint,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          answeredAt: row.answered_at,
          requestedBy: { id: row.requested_by_id, name: row.requested_by_name },
          usedByResetId: row.used_by_reset_id,
        }
      : null;
  return {
    latest: view,
    block: row?.resets_blocked_at
      ? { at: row.resets_blocked_at, reason: row.resets_blocked_reason ?? DECLINED_FLAG_REASON }
      : null,
  };
}

/** For the page's poll: the latest request's id and status, nothing personal. One indexed read. */
export async function latestVerificationStatus(customerId: string, now = new Date()) {
  const latest = await getDb().callerVerification.findFirst({
    where: { customerId, createdAt: { gt: new Date(now.getTime() - 86_400_000) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, expiresAt: true },
  });
  return latest ? { id: latest.id, status: effectiveStatus(latest.status, latest.expiresAt, now) } : null;
}

/**
 * Why a confirmation cannot stand in for verifying this agent's reset of this customer, or null
 * when it can: the customer's own "Yes", to a request that said "reset", sent by this agent,
 * under 30 minutes old, not used by another reset. The reset page and the reset itself share it.
 */
export function confirmationRefusal(
  confirmation: {
    customerId: string;
    requestedById: string;
    status: string;
    purpose: string;
    answeredAt: Date | null;
    used: boolean;
  },
  reset: { customerId: string; staffId: string; now: Date },
): string | null {
  if (confirmation.customerId !== reset.customerId)
    return "That confirmation is not this customer's. Send them a confirmation request.";
  if (confirmation.requestedById !== reset.staffId)
    return "That confirmation was requested by another agent: send your own request to the caller.";
  if (confirmation.status !== "CONFIRMED" || !confirmation.answeredAt)
    return "The customer has not confirmed that request. Send a new one, or verify another way.";
  if (confirmation.purpose !== "FACTOR_RESET")
    return "The customer confirmed a request that did not mention a reset. Send one that does.";
  if (reset.now.getTime() - confirmation.answeredAt.getTime() > CONFIRMATION_USABLE_MS)
    return "That confirmation is more than 30 minutes old. Send a new request.";
  if (confirmation.used) return "That confirmation was already used for a reset. Send a new request.";
  return null;
}

/**
 * Whether `verificationId` lets this agent's reset of this customer skip the verification claim:
 * the customer's own "Yes", to a reset request, from this agent, recent, not used by another reset.
 * Locks the row, so a "No" arriving now is taken before or after, never half-way.
 */
export async function confirmationForResetInTx(
  tx: Tx,
  input: { verificationId: string; customerId: string; staffId: string; now: Date },
): Promise<Result<{ destinationHint: string }>> {
  const [row] = await tx.$queryRaw<
    {
      customer_id: string;
      requested_by_id: string;
      status: string;
      purpose: string;
      answered_at: Date | null;
      destination_hint: string;
      used: boolean;
    }[]
  >`
    SELECT v.customer_id, v.requested_by_id, v.status::text AS status, v.purpose::text AS purpose, v.answered_at,
           v.destination_hint, EXISTS (SELECT 1 FROM factor_resets r WHERE r.caller_verification_id = v.id) AS used
    FROM caller_verifications v WHERE v.id = ${input.verificationId}::uuid FOR UPDATE OF v`;
  const refusal = row
    ? confirmationRefusal(
        {
          customerId: row.customer_id,
          requestedById: row.requested_by_id,
          status: row.status,
          purpose: row.purpose,
          answeredAt: row.answered_at,
          used: row.used,
        },
        input,
      )
    : "That confirmation is not this customer's. Send them a confirmation request.";
  if (refusal) return fail(refusal, "verificationMethod");
  return succeed("Confirmed by the customer.", { destinationHint: row?.destination_hint ?? "" });
}

/** A supervisor lifts the block on resets a customer's "No" put there, with a note for the audit log. */
export async function clearResetBlock(ctx: StaffContext, input: ClearResetBlockInput): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    const cleared = await clearResetBlockInTx(tx, input.customerId, ctx.staff.id, new Date());
    if (!cleared) return fail("Resets on this customer are not blocked.");
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "caller_verification.block_cleared",
      target: { type: "customer", id: input.customerId },
      reason: input.reason,
      ip: ctx.ip,
    });
    return succeed(
      "Cleared. Resets on this customer follow the usual rules again (the account stays flagged).",
    );
  });
}
