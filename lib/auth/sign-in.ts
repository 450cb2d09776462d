// Staff sign-in: email + password + TOTP (or a recovery code). NIST SP 800-63B AAL2 and
// OWASP ASVS V2: generic messages, equal work for unknown emails, per-account progressive
// lockout and per-IP throttling shared through PostgreSQL, every outcome audited.
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appendAuditEvent, recordAuditEvent } from "@/lib/audit/audit-log";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { describeLock, FAILURES_BEFORE_LOCK, lockMinutesFor } from "./lockout";
import { burnPasswordCheck, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { SESSION_ABSOLUTE_MS } from "./session-policy";
import { checkSecondFactor, claimSecondFactor } from "./staff-credentials";
import { checkTotpCode } from "./totp";

export type SignInContext = { ip: string; userAgent: string | null };
export type SignInResult =
  { ok: true; staffId: string; sessionId: string; sessionVersion: number } | { ok: false; message: string };

export const GENERIC_FAILURE = "The email, password or code is not right. Check them and try again.";
// Per client address, across accounts. SIGN_IN_IP_LIMIT raises it where many staff share one
// address (an office behind NAT, or the end-to-end suite on loopback).
const ipRule = () => ({ name: "signin-ip", limit: env().SIGN_IN_IP_LIMIT, windowSeconds: 15 * 60 });
// A fixed, valid base32 secret for the unknown-email path, so it does the same TOTP work.
const DUMMY_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export async function signInStaff(input: unknown, context: SignInContext): Promise<SignInResult> {
  const ipLimit = await hitRateLimit(ipRule(), context.ip);
  if (!ipLimit.allowed) {
    await recordAuditEvent({
      actor: { type: "ANONYMOUS" },
      action: "staff.sign_in.throttled",
      ip: context.ip,
    });
    const minutes = Math.ceil(ipLimit.retryAfterSeconds / 60);
    return {
      ok: false,
      message: `Too many sign-in attempts from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    };
  }

  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? GENERIC_FAILURE };
  }
  const { email, password, code } = parsed.data;
  const db = getDb();
  const staff = await db.staffUser.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      totpSecretEnc: true,
      lockedUntil: true,
      deactivatedAt: true,
      sessionVersion: true,
    },
  });

  if (!staff?.passwordHash || !staff.totpSecretEnc) {
    await burnPasswordCheck(password);
    await checkTotpCode(DUMMY_TOTP_SECRET, code.slice(0, 6));
    await recordAuditEvent({
      actor: { type: "ANONYMOUS" },
      action: "staff.sign_in.failed",
      ip: context.ip,
      data: { reason: staff ? "not_enrolled" : "unknown_email" },
    });
    return { ok: false, message: GENERIC_FAILURE };
  }

  const actor = { type: "STAFF" as const, id: staff.id, label: staff.email };
  const passwordOk = await verifyPassword(staff.passwordHash, password);
  const factor = await checkSecondFactor(staff.id, staff.totpSecretEnc, code);

  if (staff.lockedUntil && staff.lockedUntil > new Date()) {
    // Refused even with the right password and code: the lock is what stops guessing.
    await recordAuditEvent({
      actor,
      action: "staff.sign_in.refused_locked",
      ip: context.ip,
      target: { type: "staff", id: staff.id },
    });
    return { ok: false, message: describeLock(staff.lockedUntil) };
  }

  if (!passwordOk || !factor.ok) {
    return recordFailure(staff.id, actor, context, passwordOk ? "wrong_code" : "wrong_password");
  }

  if (staff.deactivatedAt) {
    await recordAuditEvent({
      actor,
      action: "staff.sign_in.refused_deactivated",
      ip: context.ip,
      target: { type: "staff", id: staff.id },
    });
    return {
      ok: false,
      message: "This account has been deactivated. Ask an administrator if you need access.",
    };
  }

  if (!(await claimSecondFactor(staff.id, factor))) {
    await recordFailure(staff.id, actor, context, "replayed_code");
    return {
      ok: false,
      message: "That code has already been used. Wait for the next code in your app and try again.",
    };
  }

  const now = new Date();
  const session = await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staff.id },
      data: { failedSignIns: 0, lockoutCount: 0, lockedUntil: null, lastSignInAt: now },
    });
    const created = await tx.staffSession.create({
      data: {
        staffId: staff.id,
        ip: context.ip,
        userAgent: context.userAgent?.slice(0, 512) ?? null,
        // Signing in with a second factor counts as a fresh step-up.
        stepUpAt: now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "staff.sign_in.succeeded",
      ip: context.ip,
      target: { type: "staff", id: staff.id },
      data: { factor: factor.kind, sessionId: created.id },
    });
    return created;
  });
  return { ok: true, staffId: staff.id, sessionId: session.id, sessionVersion: staff.sessionVersion };
}

/** Counts a failed password or second-factor check towards the lockout (sign-in and step-up). */
export async function recordFailure(
  staffId: string,
  actor: { type: "STAFF"; id: string; label: string },
  context: SignInContext,
  reason: "wrong_password" | "wrong_code" | "replayed_code",
): Promise<SignInResult> {
  const db = getDb();
  // One atomic statement: concurrent failures each count, and exactly one of them locks.
  const [row] = await db.$queryRaw<
    { failed_sign_ins: number; locked_until: Date | null; lockout_count: number }[]
  >`
    UPDATE staff_users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = ${staffId}::uuid
    RETURNING failed_sign_ins, locked_until, lockout_count`;
  let lockedUntil: Date | null = null;
  if (row && row.failed_sign_ins % FAILURES_BEFORE_LOCK === 0) {
    lockedUntil = new Date(Date.now() + lockMinutesFor(row.lockout_count) * 60_000);
    await db.staffUser.update({
      where: { id: staffId },
      data: { lockedUntil, lockoutCount: { increment: 1 } },
    });
  }
  await db.$transaction(async (tx) => {
    await appendAuditEvent(tx, {
      actor,
      action: "staff.sign_in.failed",
      ip: context.ip,
      target: { type: "staff", id: staffId },
      data: { reason },
    });
    if (lockedUntil) {
      await appendAuditEvent(tx, {
        actor: { type: "SYSTEM", label: "lockout" },
        action: "staff.locked",
        ip: context.ip,
        target: { type: "staff", id: staffId },
        data: { until: lockedUntil.toISOString(), failures: row?.failed_sign_ins },
      });
    }
  });
  return { ok: false, message: lockedUntil ? describeLock(lockedUntil) : GENERIC_FAILURE };
}
