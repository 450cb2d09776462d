import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { signInStaff } from "@/lib/auth/sign-in";
import { codeFor, createStaff, signedInAs } from "@/test/factories/staff";
import { changeStaffRole, resetStaffTotp, setStaffActive, signOutEverywhere, unlockStaff } from "./staff-admin";

describe("staff administration", () => {
  it("deactivation ends the target's sessions at once and records who did it and why", async () => {
    const admin = await signedInAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    const session = await signedInAs(agent);
    const result = await setStaffActive(admin, agent.id, false, "Left the company", "ip");
    expect(result.ok).toBe(true);
    const row = await getDb().staffSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(row.revokedAt).not.toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "staff.deactivated" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetId: agent.id, reason: "Left the company" });
  });

  it("a role change bumps the session version so existing JWTs stop working", async () => {
    const admin = await signedInAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    const before = await getDb().staffUser.findUniqueOrThrow({ where: { id: agent.id } });
    await changeStaffRole(admin, agent.id, "SUPERVISOR", "Promoted", "ip");
    const after = await getDb().staffUser.findUniqueOrThrow({ where: { id: agent.id } });
    expect(after.role).toBe("SUPERVISOR");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });

  it("refuses to let admins change themselves or a staff id that does not exist", async () => {
    const adminStaff = await createStaff({ role: "ADMIN" });
    const admin = await signedInAs(adminStaff);
    expect((await setStaffActive(admin, admin.id, false, "Oops oops", "ip")).ok).toBe(false);
    expect((await changeStaffRole(admin, "00000000-0000-4000-8000-000000000000", "ADMIN", "Made up id", "ip")).ok).toBe(false);
  });

  it("unlock clears a lockout so the person can sign in again", async () => {
    const admin = await signedInAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    await getDb().staffUser.update({ where: { id: agent.id }, data: { lockedUntil: new Date(Date.now() + 3_600_000), failedSignIns: 5, lockoutCount: 1 } });
    await unlockStaff(admin, agent.id, "Verified by phone", "ip");
    const result = await signInStaff({ email: agent.email, password: agent.password, code: await codeFor(agent) }, { ip: "192.0.2.1", userAgent: null });
    expect(result.ok).toBe(true);
  });

  it("an authenticator reset removes the secret and recovery codes and issues a re-enrolment link", async () => {
    const admin = await signedInAs(await createStaff({ role: "ADMIN" }));
    const agent = await createStaff();
    const result = await resetStaffTotp(admin, agent.id, "Lost phone", "ip");
    expect(result.ok && result.data?.token).toBeTruthy();
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row.totpSecretEnc).toBeNull();
    const signIn = await signInStaff({ email: agent.email, password: agent.password, code: await codeFor(agent) }, { ip: "192.0.2.2", userAgent: null });
    expect(signIn.ok).toBe(false);
  });

  it("sign out everywhere revokes every session of the staff member", async () => {
    const agent = await createStaff();
    const one = await signedInAs(agent);
    await signedInAs(agent);
    await signOutEverywhere(one, "ip");
    expect(await getDb().staffSession.count({ where: { staffId: agent.id, revokedAt: null } })).toBe(0);
  });
});
