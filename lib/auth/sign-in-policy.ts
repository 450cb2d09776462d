// The staff sign-in policy (issue #16): which roles must sign in in a way a look-alike page cannot
// relay (a passkey, or the company's single sign-on), and whether passwords are off for everyone
// but one named break-glass administrator. NIST SP 800-63B-4 asks for a phishing-resistant option
// at AAL2 and requires one at AAL3; the people who can reset a customer's 2FA are the ones an
// attacker phishes first.
//
// The rules are pure functions of the policy row, so sign-in (refuse a password), every console
// request (is this session good enough?) and the Staff page (who meets it?) give the same answer.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Role } from "./permissions";

export type SignInPolicyRules = {
  phishingResistantRoles: readonly Role[];
  passwordSignInDisabled: boolean;
  breakGlassStaffId: string | null;
};

export const DEFAULT_SIGN_IN_POLICY: SignInPolicyRules = {
  phishingResistantRoles: [],
  passwordSignInDisabled: false,
  breakGlassStaffId: null,
};

export type SignInMethod = "PASSWORD" | "PASSKEY" | "SSO";

/** A passkey is bound to the desk's origin by the browser; SSO leaves phishing to the company's IdP. */
export function resistsPhishing(method: SignInMethod): boolean {
  return method === "PASSKEY" || method === "SSO";
}

export async function loadSignInPolicy(): Promise<SignInPolicyRules> {
  const row = await getDb().signInPolicy.findUnique({
    where: { id: 1 },
    select: { phishingResistantRoles: true, passwordSignInDisabled: true, breakGlassStaffId: true },
  });
  return row ?? DEFAULT_SIGN_IN_POLICY;
}

/** Whether this staff member must sign in with a passkey or single sign-on. */
export function phishingResistantRequired(
  staff: { id: string; role: Role },
  policy: SignInPolicyRules,
): boolean {
  // The break-glass administrator is the way back in when the IdP or every passkey fails.
  if (staff.id === policy.breakGlassStaffId) return false;
  return policy.passwordSignInDisabled || policy.phishingResistantRoles.includes(staff.role);
}

/** The break-glass administrator signing in with a password while the policy keeps others from it. */
export function isBreakGlassSignIn(staff: { id: string; role: Role }, policy: SignInPolicyRules): boolean {
  return (
    staff.id === policy.breakGlassStaffId &&
    (policy.passwordSignInDisabled || policy.phishingResistantRoles.includes(staff.role))
  );
}

/**
 * What a session may do under the policy:
 * - `met`: anything its role allows;
 * - `enrol-passkey`: opened with a password by someone who must use a passkey and has none yet;
 *   they are walked through adding one, and can do nothing else;
 * - `sign-in-again`: opened with a password by someone who has a passkey; they must use it.
 */
export type PolicyStanding = "met" | "enrol-passkey" | "sign-in-again";

export function sessionStanding(input: {
  required: boolean;
  method: SignInMethod;
  hasPasskey: boolean;
}): PolicyStanding {
  if (!input.required || resistsPhishing(input.method)) return "met";
  return input.hasPasskey ? "sign-in-again" : "enrol-passkey";
}

export type PasswordRefusal = { reason: "password_disabled" | "passkey_required"; message: string };

/**
 * Why a right password and code must still not open a session, or null. Someone who must use a
 * passkey and has none may sign in with a password once, to be walked through adding one; once
 * they have one, the password no longer opens the console for them.
 */
export function passwordSignInRefusal(
  staff: { id: string; role: Role },
  policy: SignInPolicyRules,
  passkeys: number,
  ssoName: string | null,
): PasswordRefusal | null {
  if (staff.id === policy.breakGlassStaffId) return null;
  const alternatives = ssoName ? `a passkey or “Sign in with ${ssoName}”` : "a passkey";
  if (policy.passwordSignInDisabled) {
    return {
      reason: "password_disabled",
      message: `Password sign-in is turned off on this desk. Sign in with ${alternatives}.`,
    };
  }
  if (policy.phishingResistantRoles.includes(staff.role) && passkeys > 0) {
    return {
      reason: "passkey_required",
      message: `Your role signs in with ${alternatives}, not a password. Use “Sign in with a passkey”.`,
    };
  }
  return null;
}

/** Whether a staff member can already sign in as the policy asks (the Staff page shows it). */
export function meetsSignInPolicy(
  staff: { id: string; role: Role; passkeys: number; sso: boolean },
  policy: SignInPolicyRules,
): boolean {
  return !phishingResistantRequired(staff, policy) || staff.passkeys > 0 || staff.sso;
}
