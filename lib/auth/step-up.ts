// Step-up: privileged actions need a TOTP code (or a passkey) entered within the last 5 minutes. The code is
// claimed like a sign-in code (each time step once). Someone inside a valid session already passed
// both factors, so wrong step-up codes are throttled (growing delays, per session) and never lock
// the account; and a lock that someone else caused does not block the owner's own session.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, recordAuditEvent } from "@/lib/audit/audit-log";
import { fail, succeed, type Result } from "@/lib/result";
import type { StaffContext } from "./current-staff";
import type { PasskeyAssertionInput } from "./passkey-schemas";
import { passkeyRefusalMessage, verifyPasskeyAssertion } from "./passkeys";
import { checkSecondFactor, claimSecondFactor } from "./staff-credentials";
import { checkThrottle, clearThrottle, recordThrottledFailure, type ThrottleRule } from "./throttle";

export const STEP_UP_THROTTLE: ThrottleRule = {
  name: "step-up",
  free: 3,
  baseSeconds: 2,
  maxSeconds: 5 * 60,
};

export async function confirmStaffStepUp(ctx: StaffContext, input: { code: string }): Promise<Result> {
  const { staff, actor, ip } = ctx;
  const db = getDb();
  const record = await db.staffUser.findUnique({ where: { id: staff.id }, select: { totpSecretEnc: true } });
  if (!record?.totpSecretEnc) return fail("Your account has no authenticator enrolled.");
  const throttle = await checkThrottle(STEP_UP_THROTTLE, staff.sessionId);
  if (!throttle.allowed) {
    await recordAuditEvent({ actor, action: "staff.step_up.throttled", ip });
    return fail(`Too many wrong codes. Wait ${throttle.retryAfterSeconds} seconds and try again.`, "code");
  }

  const factor = await checkSecondFactor(staff.id, record.totpSecretEnc, input.code);
  if (!factor.ok) {
    await recordThrottledFailure(STEP_UP_THROTTLE, staff.sessionId);
    await recordAuditEvent({ actor, action: "staff.step_up.failed", ip, data: { reason: "wrong_code" } });
    return fail("That code is not right. Check your app and try again.", "code");
  }
  if (!(await claimSecondFactor(staff.id, factor))) {
    await recordAuditEvent({ actor, action: "staff.step_up.replayed_code", ip });
    return fail("That code has already been used. Wait for the next code in your app.", "code");
  }
  await markSteppedUp(ctx, factor.kind);
  await clearThrottle(STEP_UP_THROTTLE, staff.sessionId);
  return succeed("Confirmed.");
}

/**
 * Step-up with one of the caller's own passkeys (user verification required). A wrong answer
 * cannot be made without the private key, so failures are audited but not throttled.
 */
export async function confirmStaffStepUpWithPasskey(
  ctx: StaffContext,
  input: PasskeyAssertionInput,
): Promise<Result> {
  const { staff, actor, ip } = ctx;
  const outcome = await verifyPasskeyAssertion(input, { purpose: "step-up", staffId: staff.id, ip });
  if (!outcome.ok) {
    await recordAuditEvent({
      actor,
      action: "staff.step_up.failed",
      ip,
      data: { method: "passkey", reason: outcome.reason },
    });
    return fail(passkeyRefusalMessage(outcome.reason));
  }
  await markSteppedUp(ctx, "passkey", { passkeyId: outcome.passkeyId });
  return succeed("Confirmed.");
}

async function markSteppedUp(
  ctx: StaffContext,
  factor: "totp" | "recovery-code" | "passkey",
  data: Record<string, unknown> = {},
): Promise<void> {
  const { staff, actor, ip } = ctx;
  await getDb().$transaction(async (tx) => {
    await tx.staffSession.update({ where: { id: staff.sessionId }, data: { stepUpAt: new Date() } });
    await appendAuditEvent(tx, {
      actor,
      action: "staff.step_up.succeeded",
      ip,
      data: { sessionId: staff.sessionId, factor, ...data },
    });
  });
}
