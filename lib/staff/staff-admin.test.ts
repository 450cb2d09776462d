import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { signInStaff } from "@/lib/auth/sign-in";
import type { StaffContext } from "@/lib/auth/current-staff";
import { passkeyEnrolmentSchema } from "@/lib/auth/passkey-schemas";
import { relyingParty } from "@/lib/auth/passkey-relying-party";
import { enrolPasskey, passkeyEnrolmentOptions } from "@/lib/auth/passkeys";
import { actingAs, codeFor, createStaff, signedInAs } from "@/test/factories/staff";
import { SoftwareAuthenticator } from "@/test/support/software-authenticator";
import {
  changeStaffRole,
  listStaff,
  resetStaffTotp,
  setStaffActive,
  signOutEverywhere,
  unlockStaff,
} from "./staff-admin";

/** Enrols a software passkey for the staff member through the real ceremony. */
async function enrolSoftwarePasskey(ctx: StaffContext): Promise<void> {
  const options = await passkeyEnrolmentOptions(ctx);
  if (!options.ok) throw new Error(options.message);
  const rp = relyingParty();
  const response = SoftwareAuthenticator.create().register({
    challenge: options.data.challenge,
    origin: rp.origin,
    rpId: rp.id,
  });
  const enrolled = await enrolPasskey(
    ctx,
    passkeyEnrolmentSchema.parse({ name: "Laptop", response: JSON.stringify(response) }),
  );
  if (!enrolled.ok) throw new Error(enrolled.message);
}

describe("staff administration", () => {
  it("lists each member's sign-in methods: password + code, and how many passkeys", async () => {
    const staff = await createStaff();
    await enrolSoftwarePasskey(await actingAs(staff, { stepUpAt: new Date() }));
    const invited = await getDb().staffUser.create({
      data: { email: "not-enrolled@desk.example", name: "Not Enrolled" },
      select: { id: true },
    });

    const list = await listStaff();
    expect(list.find((member) => member.id === staff.id)?.signInMethods).toEqual({
      passwordAndCode: true,
      passkeys: 1,
      sso: false,
    });
    expect(list.find((member) => member.id === invited.id)?.signInMethods).toEqual({
      passwordAndCode: false,
      passkeys: 0,
      sso: false,
    });
  });

  it("deactivation ends the target's sessions at once and records who did it and why", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    const session = await signedInAs(agent);
    const result = await setStaffActive(admin, {
      staffId: agent.id,
      active: false,
      reason: "Left the company",
    });
    expect(result.ok).toBe(true);
    const row = await getDb().staffSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(row.revokedAt).not.toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "staff.deactivated" } });
    expect(audit).toMatchObject({ actorId: admin.staff.id, targetId: agent.id, reason: "Left the company" });
  });

  it("a role change bumps the session version so existing JWTs stop working", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    const before = await getDb().staffUser.findUniqueOrThrow({ where: { id: agent.id } });
    await changeStaffRole(admin, { staffId: agent.id, role: "SUPERVISOR", reason: "Promoted" });
    const after = await getDb().staffUser.findUniqueOrThrow({ where: { id: agent.id } });
    expect(after.role).toBe("SUPERVISOR");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });

  it("refuses to let admins change themselves or a staff id that does not exist", async () => {
    const adminStaff = await createStaff({ role: "ADMIN" });
    const admin = await actingAs(adminStaff);
    expect(
      (await setStaffActive(admin, { staffId: admin.staff.id, active: false, reason: "Oops oops" })).ok,
    ).toBe(false);
    expect(
      (
        await changeStaffRole(admin, {
          staffId: "00000000-0000-4000-8000-000000000000",
          role: "ADMIN",
          reason: "Made up id",
        })
      ).ok,
    ).toBe(false);
  });

  it("unlock clears a lockout so the person can sign in again", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    await getDb().staffUser.update({
      where: { id: agent.id },
      data: { lockedUntil: new Date(Date.now() + 3_600_000), failedSecondFactors: 5, lockoutCount: 1 },
    });
    await unlockStaff(admin, { staffId: agent.id, reason: "Verified by phone" });
    const result = await signInStaff(
      { email: agent.email, password: agent.password, code: await codeFor(agent) },
      { ip: "192.0.2.1", userAgent: null },
    );
    expect(result.ok).toBe(true);
  });

  it("an authenticator reset removes the secret, recovery codes and passkeys and issues a re-enrolment link", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    await enrolSoftwarePasskey(await actingAs(agent, { stepUpAt: new Date() }));
    const result = await resetStaffTotp(admin, { staffId: agent.id, reason: "Lost phone" });
    expect(result.ok && result.data.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{20,}$/);
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row.totpSecretEnc).toBeNull();
    expect(await getDb().staffPasskey.count({ where: { staffId: agent.id } })).toBe(0);
    const signIn = await signInStaff(
      { email: agent.email, password: agent.password, code: await codeFor(agent) },
      { ip: "192.0.2.2", userAgent: null },
    );
    expect(signIn.ok).toBe(false);
  });

  it("sign out everywhere revokes every session of the staff member", async () => {
    const agent = await createStaff();
    const one = await actingAs(agent);
    await signedInAs(agent);
    await signOutEverywhere(one);
    expect(await getDb().staffSession.count({ where: { staffId: agent.id, revokedAt: null } })).toBe(0);
  });
});
