// What the desk decides about a verified ID token. The token checks themselves (signature, issuer,
// audience, nonce) are next-auth's and are exercised end to end against a real OpenID provider in
// e2e/sso.spec.ts.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createStaff } from "@/test/factories/staff";
import type { SsoSettings } from "./sso-config";
import { parseRoleGroups } from "./sso-role-groups";
import { signInStaffWithSso, usedMultipleFactors, type SsoClaims } from "./sso-sign-in";

const ISSUER = "https://login.example.test";

const SETTINGS: SsoSettings = {
  issuer: ISSUER,
  clientId: "desk",
  clientSecret: "secret",
  name: "Example",
  requireMfa: true,
  mfaAcrValues: ["phrh"],
  roleGroups: null,
  allowedDomains: [],
  defaultRole: null,
};

let ipCounter = 0;
const context = () => ({ ip: `203.0.113.${++ipCounter}`, userAgent: "vitest" });

function claims(overrides: Partial<SsoClaims> = {}): SsoClaims {
  return {
    iss: ISSUER,
    sub: `sub-${randomBytes(4).toString("hex")}`,
    email: `person-${randomBytes(4).toString("hex")}@corp.example`,
    email_verified: true,
    name: "Pat Person",
    amr: ["pwd", "mfa"],
    auth_time: Math.floor(Date.now() / 1000) - 60,
    ...overrides,
  };
}

async function invite(email: string, role: "AGENT" | "SUPERVISOR" | "ADMIN" = "AGENT") {
  const inviter = await createStaff({ role: "ADMIN" });
  return getDb().staffInvite.create({
    data: {
      email,
      name: "Invited Person",
      role,
      tokenHash: randomBytes(32).toString("hex"),
      invitedById: inviter.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

async function refusalsAudited(reason: string): Promise<number> {
  const rows = await getDb().auditEvent.findMany({ where: { action: "staff.sign_in.refused_sso" } });
  return rows.filter((row) => (row.data as { reason?: string } | null)?.reason === reason).length;
}

describe("single sign-on", () => {
  it("signs an existing staff member in by verified email, links the IdP subject, and opens an SSO session", async () => {
    const staff = await createStaff({ role: "SUPERVISOR" });
    const token = claims({ email: staff.email.toUpperCase() });
    const result = await signInStaffWithSso(token, context(), SETTINGS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.staffId).toBe(staff.id);
    const session = await getDb().staffSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.signInMethod).toBe("SSO");
    // Step-up counts from when the IdP authenticated the person, not from now.
    expect(session.stepUpAt?.getTime()).toBe((token.auth_time as number) * 1000);
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.ssoSubject).toBe(`${ISSUER} ${token.sub}`);
  });

  it("refuses an unverified email, and a token without a second factor", async () => {
    const staff = await createStaff();
    expect(
      await signInStaffWithSso(claims({ email: staff.email, email_verified: false }), context(), SETTINGS),
    ).toEqual({ ok: false, refusal: "unverified-email" });
    expect(
      await signInStaffWithSso(claims({ email: staff.email, amr: ["pwd"] }), context(), SETTINGS),
    ).toEqual({
      ok: false,
      refusal: "no-mfa",
    });
    expect(await getDb().staffSession.count({ where: { staffId: staff.id } })).toBe(0);
    expect(await refusalsAudited("no-mfa")).toBeGreaterThan(0);
  });

  it("counts amr mfa or an accepted acr as multi-factor, and can be told not to ask", async () => {
    expect(usedMultipleFactors({ amr: ["pwd", "mfa"] }, SETTINGS)).toBe(true);
    expect(usedMultipleFactors({ amr: ["pwd"], acr: "phrh" }, SETTINGS)).toBe(true);
    expect(usedMultipleFactors({ amr: ["pwd"], acr: "basic" }, SETTINGS)).toBe(false);
    const staff = await createStaff();
    const relaxed = { ...SETTINGS, requireMfa: false };
    expect(
      (await signInStaffWithSso(claims({ email: staff.email, amr: ["pwd"] }), context(), relaxed)).ok,
    ).toBe(true);
  });

  it("refuses someone with neither an account nor an invitation, and creates nobody", async () => {
    const token = claims();
    expect(await signInStaffWithSso(token, context(), SETTINGS)).toEqual({
      ok: false,
      refusal: "not-invited",
    });
    expect(await getDb().staffUser.count({ where: { email: token.email as string } })).toBe(0);
    expect(await refusalsAudited("not-invited")).toBeGreaterThan(0);
  });

  it("turns an open invitation into an account with the invited role, once", async () => {
    const token = claims();
    const invitation = await invite(token.email as string, "SUPERVISOR");
    const result = await signInStaffWithSso(token, context(), SETTINGS);
    expect(result.ok).toBe(true);
    const staff = await getDb().staffUser.findUniqueOrThrow({ where: { email: token.email as string } });
    expect(staff).toMatchObject({ role: "SUPERVISOR", name: "Invited Person", passwordHash: null });
    expect(
      (await getDb().staffInvite.findUniqueOrThrow({ where: { id: invitation.id } })).usedAt,
    ).not.toBeNull();
  });

  it("creates an account for an allowed domain only with a role to give", async () => {
    const token = claims({ email: `new-${randomBytes(3).toString("hex")}@corp.example` });
    const domainOnly = { ...SETTINGS, allowedDomains: ["corp.example"] };
    expect(await signInStaffWithSso(token, context(), domainOnly)).toEqual({
      ok: false,
      refusal: "not-invited",
    });
    const withRole = { ...domainOnly, defaultRole: "AGENT" as const };
    expect((await signInStaffWithSso(token, context(), withRole)).ok).toBe(true);
    expect(await getDb().staffUser.findUnique({ where: { email: token.email as string } })).toMatchObject({
      role: "AGENT",
    });
    const elsewhere = claims({ email: "someone@other.example" });
    expect(await signInStaffWithSso(elsewhere, context(), withRole)).toEqual({
      ok: false,
      refusal: "not-invited",
    });
  });

  it("takes the role from groups (highest wins), keeps it in step, and refuses someone in no group", async () => {
    const groups = {
      ...SETTINGS,
      roleGroups: parseRoleGroups("ADMIN=desk-admins,SUPERVISOR=desk-sups,AGENT=desk-agents"),
    };
    const staff = await createStaff({ role: "AGENT" });
    const token = claims({ email: staff.email, groups: ["desk-agents", "desk-sups", "unrelated"] });
    const first = await signInStaffWithSso(token, context(), groups);
    expect(first.ok).toBe(true);
    const promoted = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(promoted.role).toBe("SUPERVISOR");
    // The role change ends the other sessions: the version went up, and this session carries the new one.
    expect(first.ok && first.sessionVersion).toBe(promoted.sessionVersion);
    expect(promoted.sessionVersion).toBeGreaterThan(1);

    const none = claims({ email: staff.email, sub: token.sub, groups: ["unrelated"] });
    expect(await signInStaffWithSso(none, context(), groups)).toEqual({ ok: false, refusal: "no-group" });
  });

  it("refuses a second IdP identity with the same email once the account is linked", async () => {
    const staff = await createStaff();
    expect((await signInStaffWithSso(claims({ email: staff.email }), context(), SETTINGS)).ok).toBe(true);
    // The address moved to someone else at the IdP (a new subject): the account stays with the first.
    expect(await signInStaffWithSso(claims({ email: staff.email }), context(), SETTINGS)).toEqual({
      ok: false,
      refusal: "other-identity",
    });
  });

  it("refuses a deactivated account", async () => {
    const staff = await createStaff({ deactivated: true });
    expect(await signInStaffWithSso(claims({ email: staff.email }), context(), SETTINGS)).toEqual({
      ok: false,
      refusal: "deactivated",
    });
  });

  it("refuses claims of the wrong shape rather than failing", async () => {
    for (const hostile of [
      null,
      "text",
      { iss: ISSUER },
      { ...claims(), groups: "desk-admins" },
      { ...claims(), sub: "" },
    ]) {
      expect(await signInStaffWithSso(hostile, context(), SETTINGS)).toEqual({
        ok: false,
        refusal: "failed",
      });
    }
  });
});
