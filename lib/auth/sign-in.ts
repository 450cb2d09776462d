// Staff sign-in: email + password + TOTP (or a recovery code), NIST SP 800-63B AAL2 and OWASP
// ASVS V2. Built so that an attacker cannot use it to keep the owner out:
// - wrong passwords never lock an account. They are throttled with growing delays per (email,
//   address), and per email for browsers that have not signed in to that account before (the
//   owner's own browser carries a known-device cookie), which caps guessing well under NIST's
//   100 consecutive failures without giving strangers a way to lock anyone out;
// - only wrong second factors after a correct password lock the account, because only someone who
//   has the password can cause them; the lock alerts the staff member and the administrators, and
//   a recovery code still signs the owner in (and lifts the lock);
// - every answer is the same for unknown and known emails, and takes the same work;
// - per-address limits across accounts stop one address from trying many accounts.
// Every outcome is audited; all state is in PostgreSQL, shared by every instance.
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { appendAuditEvent, recordAuditEvent, staffActor, type StaffActor } from "@/lib/audit/audit-log";
import { queueBreakGlassAlert, queueStaffLockAlert } from "@/lib/notifications/outbox";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { describeLock, SECOND_FACTOR_FAILURES_BEFORE_LOCK, lockMinutesFor } from "./lockout";
import { burnPasswordCheck, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { openStaffSession } from "./sessions";
import { isBreakGlassSignIn, loadSignInPolicy, passwordSignInRefusal } from "./sign-in-policy";
import { ssoDisplayName } from "./sso-config";
import { checkSecondFactor, claimSecondFactor } from "./staff-credentials";
import { checkThrottle, clearThrottle, recordThrottledFailure, type ThrottleRule } from "./throttle";
import { checkTotpCode } from "./totp";

export type SignInContext = {
  ip: string;
  userAgent: string | null;
  /** The staff member this browser's known-device cookie names, if it has a valid one. */
  knownDeviceStaffId?: string | null;
};
export type SignInResult =
  { ok: true; staffId: string; sessionId: string; sessionVersion: number } | { ok: false; message: string };

export const GENERIC_FAILURE = "The email, password or code is not right. Check them and try again.";

/** Per (email, address): the owner mistyping gets three free tries, a guesser gets slower and slower. */
export const PAIR_THROTTLE: ThrottleRule = {
  name: "signin-pair",
  free: 3,
  baseSeconds: 2,
  maxSeconds: 15 * 60,
};
/**
 * Per email, for browsers that never signed in to the account: many addresses guessing together.
 * Twenty free, then 2 s doubling to an hour: fewer than 60 guesses a day reach the password check.
 */
export const ACCOUNT_THROTTLE: ThrottleRule = {
  name: "signin-account",
  free: 20,
  baseSeconds: 2,
  maxSeconds: 3_600,
};

// Per client address, across accounts. SIGN_IN_IP_LIMIT raises it where many staff share one
// address (an office behind NAT, or the end-to-end suite on loopback).
const ipRule = () => ({ name: "signin-ip", limit: env().SIGN_IN_IP_LIMIT, windowSeconds: 15 * 60 });
// A fixed, valid base32 secret for the unknown-email path, so it does the same TOTP work.
const DUMMY_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

const ANONYMOUS = { type: "ANONYMOUS" } as const;

function waitWords(seconds: number): string {
  return seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
}

/** A production server refuses the published demo accounts; `npm run dev` and `npm run demo` allow them. */
export function demoAccountsAllowed(): boolean {
  const { NODE_ENV, DESK_DEMO } = env();
  return NODE_ENV !== "production" || DESK_DEMO === "1";
}

/** Every sign-in attempt, whatever its method, counts against its client address first. */
export async function refuseBusyAddress(context: SignInContext): Promise<SignInResult | null> {
  const ipLimit = await hitRateLimit(ipRule(), context.ip);
  if (ipLimit.allowed) return null;
  await recordAuditEvent({
    actor: ANONYMOUS,
    action: "staff.sign_in.throttled",
    ip: context.ip,
    data: { scope: "address" },
  });
  return {
    ok: false,
    message: `Too many sign-in attempts from this network. Try again in ${waitWords(ipLimit.retryAfterSeconds)}.`,
  };
}

export async function signInStaff(input: unknown, context: SignInContext): Promise<SignInResult> {
  const busy = await refuseBusyAddress(context);
  if (busy) return busy;

  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? GENERIC_FAILURE };
  const { email, password, code } = parsed.data;

  const staff = await getDb().staffUser.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      totpSecretEnc: true,
      lockedUntil: true,
      deactivatedAt: true,
      sessionVersion: true,
      demo: true,
      role: true,
    },
  });

  // Throttles are keyed by the email as typed, so an unknown email is slowed exactly like a real one.
  const pairKey = `${email}|${context.ip}`;
  const knownDevice = Boolean(staff && context.knownDeviceStaffId === staff.id);
  const [pair, account] = await Promise.all([
    checkThrottle(PAIR_THROTTLE, pairKey),
    knownDevice ? Promise.resolve({ allowed: true as const }) : checkThrottle(ACCOUNT_THROTTLE, email),
  ]);
  const throttled = !pair.allowed ? pair : !account.allowed ? account : null;
  if (throttled) {
    await recordAuditEvent({
      actor: ANONYMOUS,
      action: "staff.sign_in.throttled",
      ip: context.ip,
      data: { scope: !pair.allowed ? "email-and-address" : "email" },
    });
    return {
      ok: false,
      message: `Too many attempts. Wait ${waitWords(throttled.retryAfterSeconds)} and try again.`,
    };
  }

  const passwordFailed = async (reason: string) => {
    await Promise.all([
      recordThrottledFailure(PAIR_THROTTLE, pairKey),
      knownDevice ? null : recordThrottledFailure(ACCOUNT_THROTTLE, email),
    ]);
    await recordAuditEvent({
      actor: staff ? staffActor(staff) : ANONYMOUS,
      action: "staff.sign_in.failed",
      ip: context.ip,
      target: staff ? { type: "staff", id: staff.id } : undefined,
      data: { reason },
    });
    return { ok: false as const, message: GENERIC_FAILURE };
  };

  if (!staff?.passwordHash || !staff.totpSecretEnc) {
    await burnPasswordCheck(password);
    await checkTotpCode(DUMMY_TOTP_SECRET, code.slice(0, 6));
    return passwordFailed(staff ? "not_enrolled" : "unknown_email");
  }

  const actor = staffActor(staff);
  const passwordOk = await verifyPassword(staff.passwordHash, password);
  const factor = await checkSecondFactor(staff.id, staff.totpSecretEnc, code);
  if (!passwordOk) return passwordFailed("wrong_password");

  // From here on the password is right: whoever this is already knows the account exists.
  const refuse = async (reason: "demo" | "locked" | "deactivated", message: string) => {
    await recordAuditEvent({
      actor,
      action: `staff.sign_in.refused_${reason}`,
      ip: context.ip,
      target: { type: "staff", id: staff.id },
    });
    return { ok: false as const, message };
  };
  if (staff.demo && !demoAccountsAllowed()) {
    return refuse(
      "demo",
      "Demo accounts cannot sign in to a production desk. Ask an administrator for an invitation.",
    );
  }

  const locked = staff.lockedUntil !== null && staff.lockedUntil > new Date();
  if (locked && !(factor.ok && factor.kind === "recovery-code")) {
    // The lock stops someone who has the password; the owner gets in with a recovery code.
    return refuse(
      "locked",
      `${describeLock(staff.lockedUntil ?? new Date())} You can still sign in with one of your recovery codes.`,
    );
  }

  if (!factor.ok) return recordSecondFactorFailure(staff.id, actor, context, "wrong_code");

  if (staff.deactivatedAt) {
    return refuse(
      "deactivated",
      "This account has been deactivated. Ask an administrator if you need access.",
    );
  }

  if (!(await claimSecondFactor(staff.id, factor))) {
    await recordSecondFactorFailure(staff.id, actor, context, "replayed_code");
    return {
      ok: false,
      message: "That code has already been used. Wait for the next code in your app and try again.",
    };
  }

  // Both factors are right; the sign-in policy may still want a passkey or single sign-on.
  const [policy, passkeys] = await Promise.all([
    loadSignInPolicy(),
    getDb().staffPasskey.count({ where: { staffId: staff.id } }),
  ]);
  const policyRefusal = passwordSignInRefusal(staff, policy, passkeys, ssoDisplayName());
  if (policyRefusal) {
    await recordAuditEvent({
      actor,
      action: "staff.sign_in.refused_policy",
      ip: context.ip,
      target: { type: "staff", id: staff.id },
      data: { reason: policyRefusal.reason },
    });
    return { ok: false, message: policyRefusal.message };
  }

  const breakGlass = isBreakGlassSignIn(staff, policy);
  const session = await openStaffSession({
    staffId: staff.id,
    actor,
    context,
    method: "PASSWORD",
    auditData: {
      factor: factor.kind,
      knownDevice,
      ...(locked ? { liftedLock: true } : {}),
      ...(breakGlass ? { breakGlass: true } : {}),
    },
  });
  if (breakGlass) await alertBreakGlassSignIn(staff, context);
  await clearThrottle(PAIR_THROTTLE, pairKey);
  return { ok: true, staffId: staff.id, sessionId: session.id, sessionVersion: staff.sessionVersion };
}

/**
 * The break-glass administrator used a password while everyone else must not: every other active
 * administrator hears of it, so a stolen break-glass password cannot be used quietly.
 */
async function alertBreakGlassSignIn(
  staff: { id: string; email: string },
  context: SignInContext,
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const admins = await tx.staffUser.findMany({
      where: { role: "ADMIN", deactivatedAt: null, id: { not: staff.id } },
      select: { email: true },
    });
    const alerted = await queueBreakGlassAlert(tx, {
      staffEmail: staff.email,
      ip: context.ip,
      adminEmails: admins.map((admin) => admin.email),
    });
    await appendAuditEvent(tx, {
      actor: { type: "SYSTEM", label: "sign-in policy" },
      action: "staff.sign_in.break_glass",
      ip: context.ip,
      target: { type: "staff", id: staff.id },
      data: { alerted },
    });
  });
}

/**
 * A wrong (or replayed) second factor after the right password: someone holds the password. The
 * fifth in a row locks the account and alerts the staff member and every administrator.
 */
async function recordSecondFactorFailure(
  staffId: string,
  actor: StaffActor,
  context: SignInContext,
  reason: "wrong_code" | "replayed_code",
): Promise<SignInResult> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    // Row lock: concurrent failures each count, and exactly one of them locks.
    const [row] = await tx.$queryRaw<{ failures: number; lockout_count: number; email: string }[]>`
      UPDATE staff_users SET failed_second_factors = failed_second_factors + 1 WHERE id = ${staffId}::uuid
      RETURNING failed_second_factors AS failures, lockout_count, email`;
    await appendAuditEvent(tx, {
      actor,
      action: "staff.sign_in.failed",
      ip: context.ip,
      target: { type: "staff", id: staffId },
      data: { reason },
    });
    if (!row || row.failures < SECOND_FACTOR_FAILURES_BEFORE_LOCK)
      return { ok: false as const, message: GENERIC_FAILURE };

    const lockedUntil = new Date(Date.now() + lockMinutesFor(row.lockout_count) * 60_000);
    await tx.staffUser.update({
      where: { id: staffId },
      data: { lockedUntil, lockoutCount: { increment: 1 }, failedSecondFactors: 0 },
    });
    const admins = await tx.staffUser.findMany({
      where: { role: "ADMIN", deactivatedAt: null },
      select: { email: true },
    });
    const alerted = await queueStaffLockAlert(tx, {
      staffEmail: row.email,
      until: lockedUntil,
      failures: row.failures,
      ip: context.ip,
      adminEmails: admins.map((admin) => admin.email),
    });
    await appendAuditEvent(tx, {
      actor: { type: "SYSTEM", label: "lockout" },
      action: "staff.locked",
      ip: context.ip,
      target: { type: "staff", id: staffId },
      data: { until: lockedUntil.toISOString(), failures: row.failures, alerted },
    });
    return {
      ok: false as const,
      message: `${describeLock(lockedUntil)} You can still sign in with one of your recovery codes.`,
    };
  });
}
