// Single sign-on (OpenID Connect, issue #16): what the desk decides once next-auth has checked the
// ID token (signature against the IdP's keys, issuer, audience, expiry, nonce, PKCE and state).
// - The person is matched by their verified email to an existing or invited staff account, and
//   the account is then bound to the IdP's subject, so an email address later given to someone
//   else at the IdP does not inherit the account.
// - No account appears silently: without an invitation, only an email domain on the allow-list with
//   a role (from a group or the default) gets one.
// - The IdP must have used more than one factor (amr "mfa", or an accepted acr), unless turned off.
// - Roles can follow the IdP's groups; a change is applied and audited at the next sign-on.
// Every refusal is audited and answered with a code the sign-in page turns into a sentence.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent, appendAuditEvent, staffActor } from "@/lib/audit/audit-log";
import type { Role } from "./permissions";
import { openStaffSession } from "./sessions";
import { demoAccountsAllowed, refuseBusyAddress, type SignInContext } from "./sign-in";
import type { SsoSettings } from "./sso-config";
import { roleFromGroups } from "./sso-role-groups";

export const SSO_REFUSALS = {
  "unverified-email": "Your company account's email address is not verified, so it cannot sign you in here.",
  "no-mfa":
    "Your company sign-in did not use a second factor, and this desk requires one. Sign in to your company account with multi-factor authentication and try again.",
  "not-invited":
    "There is no desk account for your company email address. Ask a desk administrator to invite you.",
  "no-group":
    "Your company account is not in any of the groups that may use this desk. Ask your administrator.",
  "other-identity":
    "This desk account is linked to a different company identity. Ask a desk administrator to check it.",
  deactivated: "This account has been deactivated. Ask an administrator if you need access.",
  demo: "Demo accounts cannot sign in to a production desk. Ask an administrator for an invitation.",
  busy: "Too many sign-in attempts from this network. Try again in a few minutes.",
  failed: "Single sign-on did not complete. Try again, or sign in with a passkey.",
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

export function isSsoRefusal(value: unknown): value is SsoRefusal {
  return typeof value === "string" && Object.hasOwn(SSO_REFUSALS, value);
}

export type SsoSignInResult =
  | { ok: true; staffId: string; sessionId: string; sessionVersion: number }
  | { ok: false; refusal: SsoRefusal };

// What the desk reads from a verified ID token. Anything else about the token is next-auth's job.
const claimsSchema = z.object({
  iss: z.string().min(1),
  sub: z.string().min(1).max(255),
  email: z.email().max(254).optional(),
  // Some IdPs send the string "true".
  email_verified: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
    .optional(),
  name: z.string().max(200).optional(),
  groups: z.array(z.string().max(256)).max(1_000).optional(),
  amr: z.array(z.string().max(64)).max(50).optional(),
  acr: z.string().max(256).optional(),
  auth_time: z.number().int().positive().optional(),
});

export type SsoClaims = z.input<typeof claimsSchema>;

/** Whether the ID token says the IdP used more than one factor (RFC 8176 `mfa`, or an accepted `acr`). */
export function usedMultipleFactors(
  claims: { amr?: readonly string[]; acr?: string },
  settings: SsoSettings,
): boolean {
  if (claims.amr?.includes("mfa")) return true;
  return claims.acr !== undefined && settings.mfaAcrValues.includes(claims.acr);
}

type MatchedStaff = { id: string; email: string; sessionVersion: number };

export async function signInStaffWithSso(
  rawClaims: unknown,
  context: SignInContext,
  settings: SsoSettings,
): Promise<SsoSignInResult> {
  if (await refuseBusyAddress(context)) return { ok: false, refusal: "busy" };
  const parsed = claimsSchema.safeParse(rawClaims);
  const refuse = async (refusal: SsoRefusal, staff?: { id: string; email: string }) => {
    await recordAuditEvent({
      actor: staff ? staffActor(staff) : { type: "ANONYMOUS" },
      action: "staff.sign_in.refused_sso",
      ip: context.ip,
      target: staff ? { type: "staff", id: staff.id } : undefined,
      data: { reason: refusal, ...(parsed.success && parsed.data.email ? { email: parsed.data.email } : {}) },
    });
    return { ok: false as const, refusal };
  };
  if (!parsed.success) return refuse("failed");
  const claims = parsed.data;
  if (!claims.email || claims.email_verified !== true) return refuse("unverified-email");
  if (settings.requireMfa && !usedMultipleFactors(claims, settings)) return refuse("no-mfa");
  let groupRole: Role | null = null;
  if (settings.roleGroups) {
    groupRole = roleFromGroups(settings.roleGroups, claims.groups ?? []);
    if (!groupRole) return refuse("no-group");
  }

  const email = claims.email.toLowerCase();
  const subject = `${claims.iss} ${claims.sub}`;
  const matched = await matchStaff({ email, subject, name: claims.name, groupRole }, settings, context);
  if ("refusal" in matched) return refuse(matched.refusal, matched.staff);

  // A sign-on proves the person at the IdP's auth_time, which may be hours ago when the IdP reused
  // its own session: that is when step-up counts from, not now.
  const provedAt = claims.auth_time ? new Date(Math.min(claims.auth_time * 1000, Date.now())) : null;
  const session = await openStaffSession({
    staffId: matched.id,
    method: "SSO",
    provedAt,
    actor: staffActor(matched),
    context,
    auditData: { factor: "sso", amr: claims.amr ?? [], ...(claims.acr ? { acr: claims.acr } : {}) },
  });
  return { ok: true, staffId: matched.id, sessionId: session.id, sessionVersion: matched.sessionVersion };
}

async function matchStaff(
  person: { email: string; subject: string; name: string | undefined; groupRole: Role | null },
  settings: SsoSettings,
  context: SignInContext,
): Promise<MatchedStaff | { refusal: SsoRefusal; staff?: { id: string; email: string } }> {
  return getDb().$transaction(async (tx) => {
    const select = {
      id: true,
      email: true,
      role: true,
      ssoSubject: true,
      deactivatedAt: true,
      demo: true,
      sessionVersion: true,
    } as const;
    // The subject first: the IdP's id for the person stays when their email changes.
    const staff =
      (await tx.staffUser.findUnique({ where: { ssoSubject: person.subject }, select })) ??
      (await tx.staffUser.findUnique({ where: { email: person.email }, select }));

    if (!staff) {
      const invite = await tx.staffInvite.findFirst({
        where: { email: person.email, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, role: true },
      });
      const domain = person.email.split("@")[1] ?? "";
      const role = person.groupRole ?? invite?.role ?? settings.defaultRole;
      if (!invite && !(settings.allowedDomains.includes(domain) && role)) return { refusal: "not-invited" };
      if (!role) return { refusal: "not-invited" };
      if (invite) {
        const claimed = await tx.staffInvite.updateMany({
          where: { id: invite.id, usedAt: null },
          data: { usedAt: new Date() },
        });
        if (claimed.count !== 1) return { refusal: "not-invited" };
      }
      const created = await tx.staffUser.create({
        data: {
          email: person.email,
          name: invite?.name ?? person.name ?? person.email.split("@")[0] ?? person.email,
          role,
          ssoSubject: person.subject,
        },
        select: { id: true, email: true, sessionVersion: true },
      });
      await appendAuditEvent(tx, {
        actor: { type: "STAFF", id: created.id, label: created.email },
        action: invite ? "staff.invite.accepted" : "staff.sso.provisioned",
        ip: context.ip,
        target: { type: "staff", id: created.id },
        data: { method: "sso", role, ...(invite ? { inviteId: invite.id } : { domain }) },
      });
      return created;
    }

    if (staff.ssoSubject !== null && staff.ssoSubject !== person.subject)
      return { refusal: "other-identity", staff };
    if (staff.deactivatedAt) return { refusal: "deactivated", staff };
    if (staff.demo && !demoAccountsAllowed()) return { refusal: "demo", staff };

    const actor = staffActor(staff);
    let sessionVersion = staff.sessionVersion;
    if (staff.ssoSubject === null) {
      await tx.staffUser.update({ where: { id: staff.id }, data: { ssoSubject: person.subject } });
      await appendAuditEvent(tx, {
        actor,
        action: "staff.sso.linked",
        ip: context.ip,
        target: { type: "staff", id: staff.id },
      });
    }
    if (person.groupRole && person.groupRole !== staff.role) {
      // The IdP is where roles are managed once groups are mapped; the other sessions end, as
      // with a role change on the Staff page.
      const updated = await tx.staffUser.update({
        where: { id: staff.id },
        data: { role: person.groupRole, sessionVersion: { increment: 1 } },
        select: { sessionVersion: true },
      });
      sessionVersion = updated.sessionVersion;
      await appendAuditEvent(tx, {
        actor: { type: "SYSTEM", label: "single sign-on groups" },
        action: "staff.role_changed",
        ip: context.ip,
        target: { type: "staff", id: staff.id },
        data: { from: staff.role, to: person.groupRole, source: "sso-groups" },
      });
    }
    return { id: staff.id, email: staff.email, sessionVersion };
  });
}
