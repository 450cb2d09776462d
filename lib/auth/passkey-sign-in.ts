// Signing in with a passkey alone: a discoverable credential with user verification (PIN or
// biometrics on the authenticator) is possession and a second factor in one, and phishing
// resistant, so it is a complete sign-in that opens the same session row as password + TOTP.
// Its rules beside the password path's (lib/auth/sign-in.ts):
// - the per-address limit counts it like any sign-in attempt;
// - a wrong answer cannot be made without the private key, so it never counts toward a lock;
// - a lock (someone has the password and guessed codes) does not stop the passkey's owner, as it
//   does not stop a recovery code, and a passkey sign-in lifts it;
// - deactivated staff, and demo accounts on a production server, are refused as with a password.
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { recordAuditEvent, staffActor } from "@/lib/audit/audit-log";
import { passkeyAssertionSchema } from "./passkey-schemas";
import { passkeyRefusalMessage, verifyPasskeyAssertion } from "./passkeys";
import { openStaffSession } from "./sessions";
import { demoAccountsAllowed, refuseBusyAddress, type SignInContext, type SignInResult } from "./sign-in";

export async function signInStaffWithPasskey(input: unknown, context: SignInContext): Promise<SignInResult> {
  const busy = await refuseBusyAddress(context);
  if (busy) return busy;
  const parsed = passkeyAssertionSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? passkeyRefusalMessage("invalid") };

  const outcome = await verifyPasskeyAssertion(parsed.data, {
    purpose: "sign-in",
    staffId: null,
    ip: context.ip,
  });
  const staff = outcome.staffId
    ? await getDb().staffUser.findUnique({
        where: { id: outcome.staffId },
        select: {
          id: true,
          email: true,
          deactivatedAt: true,
          demo: true,
          lockedUntil: true,
          sessionVersion: true,
        },
      })
    : null;
  const target = staff ? { type: "staff", id: staff.id } : undefined;
  const actor = staff ? staffActor(staff) : ({ type: "ANONYMOUS" } as const);
  if (!outcome.ok || !staff) {
    const reason = outcome.ok ? "unknown-passkey" : outcome.reason;
    await recordAuditEvent({
      actor,
      action: "staff.sign_in.failed",
      ip: context.ip,
      target,
      data: { method: "passkey", reason },
    });
    return { ok: false, message: passkeyRefusalMessage(reason) };
  }

  const refuse = async (reason: "demo" | "deactivated", message: string) => {
    await recordAuditEvent({ actor, action: `staff.sign_in.refused_${reason}`, ip: context.ip, target });
    return { ok: false as const, message };
  };
  if (staff.demo && !demoAccountsAllowed())
    return refuse(
      "demo",
      "Demo accounts cannot sign in to a production desk. Ask an administrator for an invitation.",
    );
  if (staff.deactivatedAt)
    return refuse(
      "deactivated",
      "This account has been deactivated. Ask an administrator if you need access.",
    );

  const locked = staff.lockedUntil !== null && staff.lockedUntil > new Date();
  const session = await openStaffSession({
    staffId: staff.id,
    method: "PASSKEY",
    actor: staffActor(staff),
    context,
    auditData: { factor: "passkey", passkeyId: outcome.passkeyId, ...(locked ? { liftedLock: true } : {}) },
  });
  return { ok: true, staffId: staff.id, sessionId: session.id, sessionVersion: staff.sessionVersion };
}

/**
 * Asking for a sign-in challenge is free and anonymous, so it is limited per client address, as
 * generously as sign-in attempts themselves (one challenge per attempt).
 */
export function passkeyChallengeRule(): RateLimitRule {
  return { name: "passkey-challenge-ip", limit: env().SIGN_IN_IP_LIMIT, windowSeconds: 15 * 60 };
}
