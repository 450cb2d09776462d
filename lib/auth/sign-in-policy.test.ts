import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { actingAs, codeFor, createStaff, type TestStaff } from "@/test/factories/staff";
import { updateSignInPolicy } from "@/lib/staff/sign-in-policy";
import { signInStaff } from "./sign-in";
import {
  meetsSignInPolicy,
  passwordSignInRefusal,
  phishingResistantRequired,
  sessionStanding,
  type SignInPolicyRules,
} from "./sign-in-policy";

let ipCounter = 0;
const context = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest" });

async function setPolicy(rules: Partial<SignInPolicyRules>) {
  const data = {
    phishingResistantRoles: [...(rules.phishingResistantRoles ?? [])],
    passwordSignInDisabled: rules.passwordSignInDisabled ?? false,
    breakGlassStaffId: rules.breakGlassStaffId ?? null,
  };
  await getDb().signInPolicy.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
}

async function addPasskey(staffId: string) {
  await getDb().staffPasskey.create({
    data: {
      staffId,
      credentialId: `cred-${staffId}-${Math.random()}`,
      publicKey: new Uint8Array([1, 2, 3]),
      backupEligible: false,
      backedUp: false,
      name: "Test key",
    },
  });
}

function signInWithPassword(staff: TestStaff) {
  return codeFor(staff).then((code) =>
    signInStaff({ email: staff.email, password: staff.password, code }, context()),
  );
}

const RULES: SignInPolicyRules = {
  phishingResistantRoles: ["SUPERVISOR", "ADMIN"],
  passwordSignInDisabled: false,
  breakGlassStaffId: "b",
};

describe("the policy's rules", () => {
  it("covers the listed roles, everyone once passwords are off, and never the break-glass administrator", () => {
    expect(phishingResistantRequired({ id: "a", role: "AGENT" }, RULES)).toBe(false);
    expect(phishingResistantRequired({ id: "s", role: "SUPERVISOR" }, RULES)).toBe(true);
    expect(phishingResistantRequired({ id: "b", role: "ADMIN" }, RULES)).toBe(false);
    const passwordsOff = { ...RULES, passwordSignInDisabled: true };
    expect(phishingResistantRequired({ id: "a", role: "AGENT" }, passwordsOff)).toBe(true);
    expect(phishingResistantRequired({ id: "b", role: "ADMIN" }, passwordsOff)).toBe(false);
  });

  it("lets a session through when it resists phishing, and otherwise walks its owner to a passkey", () => {
    expect(sessionStanding({ required: false, method: "PASSWORD", hasPasskey: false })).toBe("met");
    expect(sessionStanding({ required: true, method: "PASSKEY", hasPasskey: true })).toBe("met");
    expect(sessionStanding({ required: true, method: "SSO", hasPasskey: false })).toBe("met");
    expect(sessionStanding({ required: true, method: "PASSWORD", hasPasskey: false })).toBe("enrol-passkey");
    expect(sessionStanding({ required: true, method: "PASSWORD", hasPasskey: true })).toBe("sign-in-again");
  });

  it("refuses a password to covered staff who have a passkey, and to everyone but break-glass once passwords are off", () => {
    const supervisor = { id: "s", role: "SUPERVISOR" as const };
    expect(passwordSignInRefusal(supervisor, RULES, 0, null)).toBeNull();
    expect(passwordSignInRefusal(supervisor, RULES, 1, null)?.reason).toBe("passkey_required");
    expect(passwordSignInRefusal(supervisor, RULES, 1, "Contoso")?.message).toContain("Sign in with Contoso");
    const passwordsOff = { ...RULES, passwordSignInDisabled: true };
    expect(passwordSignInRefusal({ id: "a", role: "AGENT" }, passwordsOff, 0, null)?.reason).toBe(
      "password_disabled",
    );
    expect(passwordSignInRefusal({ id: "b", role: "ADMIN" }, passwordsOff, 0, null)).toBeNull();
  });

  it("counts a passkey or a linked single sign-on as meeting it", () => {
    const supervisor = { id: "s", role: "SUPERVISOR" as const };
    expect(meetsSignInPolicy({ ...supervisor, passkeys: 0, sso: false }, RULES)).toBe(false);
    expect(meetsSignInPolicy({ ...supervisor, passkeys: 1, sso: false }, RULES)).toBe(true);
    expect(meetsSignInPolicy({ ...supervisor, passkeys: 0, sso: true }, RULES)).toBe(true);
  });
});

describe("password sign-in under the policy", () => {
  beforeEach(() => setPolicy({}));

  it("lets a covered supervisor without a passkey in once, with a password session to be walked through", async () => {
    const supervisor = await createStaff({ role: "SUPERVISOR" });
    await setPolicy({ phishingResistantRoles: ["SUPERVISOR"] });
    const result = await signInWithPassword(supervisor);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await getDb().staffSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.signInMethod).toBe("PASSWORD");
  });

  it("refuses the password of a covered supervisor who has a passkey, audited, with no session", async () => {
    const supervisor = await createStaff({ role: "SUPERVISOR" });
    await addPasskey(supervisor.id);
    await setPolicy({ phishingResistantRoles: ["SUPERVISOR"] });
    const result = await signInWithPassword(supervisor);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("passkey") as string });
    expect(await getDb().staffSession.count({ where: { staffId: supervisor.id } })).toBe(0);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: supervisor.id, action: "staff.sign_in.refused_policy" },
    });
    expect(audit.data).toMatchObject({ reason: "passkey_required" });
  });

  it("leaves roles the policy does not name alone", async () => {
    const agent = await createStaff({ role: "AGENT" });
    await addPasskey(agent.id);
    await setPolicy({ phishingResistantRoles: ["SUPERVISOR", "ADMIN"] });
    expect((await signInWithPassword(agent)).ok).toBe(true);
  });

  it("with passwords off, lets only the break-glass administrator in, and tells the other administrators", async () => {
    const breakGlass = await createStaff({ role: "ADMIN" });
    const otherAdmin = await createStaff({ role: "ADMIN" });
    const agent = await createStaff({ role: "AGENT" });
    await setPolicy({ passwordSignInDisabled: true, breakGlassStaffId: breakGlass.id });

    const refused = await signInWithPassword(agent);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain("Password sign-in is turned off");

    expect((await signInWithPassword(breakGlass)).ok).toBe(true);
    const alerts = await getDb().notification.findMany({ where: { template: "staff-break-glass" } });
    expect(alerts.map((alert) => alert.destination)).toContain(otherAdmin.email);
    expect(alerts.map((alert) => alert.destination)).not.toContain(breakGlass.email);
    expect(
      await getDb().auditEvent.count({
        where: { targetId: breakGlass.id, action: "staff.sign_in.break_glass" },
      }),
    ).toBe(1);
  });
});

describe("updating the policy", () => {
  let admin: TestStaff;
  beforeEach(async () => {
    await setPolicy({});
    admin = await createStaff({ role: "ADMIN" });
  });

  const input = {
    requireAgents: false,
    requireSupervisors: true,
    requireAdmins: true,
    passwordSignInDisabled: false,
    breakGlassStaffId: null,
    reason: "Phishing-resistant sign-in for approvers",
  };

  it("saves the roles and audits before and after", async () => {
    const result = await updateSignInPolicy(await actingAs(admin, { stepUpAt: new Date() }), input);
    expect(result.ok).toBe(true);
    const row = await getDb().signInPolicy.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.phishingResistantRoles).toEqual(["SUPERVISOR", "ADMIN"]);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "staff.sign_in_policy.updated" },
    });
    expect(audit.data).toMatchObject({
      before: { phishingResistantRoles: [] },
      after: { phishingResistantRoles: ["SUPERVISOR", "ADMIN"] },
    });
  });

  it("will not turn passwords off without a break-glass administrator, or with one who is not an enrolled admin", async () => {
    const ctx = await actingAs(admin, { stepUpAt: new Date() });
    const withoutBreakGlass = await updateSignInPolicy(ctx, { ...input, passwordSignInDisabled: true });
    expect(withoutBreakGlass).toMatchObject({ ok: false, field: "breakGlassStaffId" });
    const agent = await createStaff({ role: "AGENT" });
    const agentAsBreakGlass = await updateSignInPolicy(ctx, {
      ...input,
      passwordSignInDisabled: true,
      breakGlassStaffId: agent.id,
    });
    expect(agentAsBreakGlass).toMatchObject({ ok: false, field: "breakGlassStaffId" });
    expect(await getDb().signInPolicy.findUnique({ where: { id: 1 } })).toMatchObject({
      passwordSignInDisabled: false,
    });
  });

  it("will not turn passwords off without single sign-on while someone has no passkey", async () => {
    const ctx = await actingAs(admin, { stepUpAt: new Date() });
    const agent = await createStaff({ role: "AGENT" });
    const refused = await updateSignInPolicy(ctx, {
      ...input,
      passwordSignInDisabled: true,
      breakGlassStaffId: admin.id,
    });
    expect(refused).toMatchObject({ ok: false, field: "passwordSignInDisabled" });

    // Once everyone else has a passkey, it can.
    const others = await getDb().staffUser.findMany({
      where: { id: { not: admin.id }, deactivatedAt: null, passkeys: { none: {} } },
      select: { id: true },
    });
    for (const other of others) await addPasskey(other.id);
    expect(others.map((other) => other.id)).toContain(agent.id);
    const saved = await updateSignInPolicy(ctx, {
      ...input,
      passwordSignInDisabled: true,
      breakGlassStaffId: admin.id,
    });
    expect(saved.ok).toBe(true);
  });
});
