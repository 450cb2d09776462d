// Staff session rows: the one way a sign-in (any method) opens one, and ending one from next-auth's
// sign-out endpoint, where there is no StaffContext: the token names the session and its owner,
// and only that pair is ended.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, type StaffActor } from "@/lib/audit/audit-log";
import { SESSION_ABSOLUTE_MS } from "./session-policy";
import type { SignInMethod } from "./sign-in-policy";

/**
 * A successful sign-in: clears the failure counters and any lock (the owner proved both factors),
 * opens the session row that the JWT will name, and audits it, in one transaction.
 */
export async function openStaffSession(input: {
  staffId: string;
  actor: StaffActor;
  context: { ip: string; userAgent: string | null };
  /** How they proved who they are; the sign-in policy asks some roles for a phishing-resistant one. */
  method: SignInMethod;
  /**
   * When they last proved who they are, if not now: a single sign-on can reuse the IdP's older
   * session, and step-up counts from then. Null: not known, so the session starts without step-up.
   */
  provedAt?: Date | null;
  /** What the audit event records about how they signed in (never a secret). */
  auditData: Record<string, unknown>;
}): Promise<{ id: string }> {
  const { staffId, actor, context } = input;
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { failedSecondFactors: 0, lockoutCount: 0, lockedUntil: null, lastSignInAt: now },
    });
    const created = await tx.staffSession.create({
      data: {
        staffId,
        ip: context.ip,
        userAgent: context.userAgent?.slice(0, 512) ?? null,
        // Signing in with a second factor (or a verified passkey) counts as a fresh step-up.
        stepUpAt: input.provedAt === undefined ? now : input.provedAt,
        signInMethod: input.method,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "staff.sign_in.succeeded",
      ip: context.ip,
      target: { type: "staff", id: staffId },
      data: { ...input.auditData, method: input.method, sessionId: created.id },
    });
    return created;
  });
}

export async function endSessionAtSignOut(token: { sessionId: string; staffId: string }): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const ended = await tx.staffSession.updateMany({
      where: { id: token.sessionId, staffId: token.staffId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (ended.count !== 1) return false;
    const staff = await tx.staffUser.findUniqueOrThrow({
      where: { id: token.staffId },
      select: { email: true },
    });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: token.staffId, label: staff.email },
      action: "staff.signed_out",
      target: { type: "staff-session", id: token.sessionId },
    });
    return true;
  });
}
