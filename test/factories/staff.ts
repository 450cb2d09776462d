// Builds staff members with real credentials (argon2id hash, encrypted TOTP secret) for tests.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { createTotpSecret, generateTotpCode } from "@/lib/auth/totp";
import { encryptAtRest } from "@/lib/crypto/at-rest";
import { staffContext, type CurrentStaff, type StaffContext } from "@/lib/auth/current-staff";

export type TestStaff = { id: string; email: string; password: string; secret: string; role: Role };

export async function createStaff(
  overrides: { role?: Role; email?: string; deactivated?: boolean } = {},
): Promise<TestStaff> {
  const email = overrides.email ?? `staff-${randomBytes(4).toString("hex")}@desk.example`;
  const password = `correct horse ${randomBytes(4).toString("hex")}`;
  const secret = createTotpSecret();
  const role = overrides.role ?? "AGENT";
  const staff = await getDb().staffUser.create({
    data: {
      email,
      name: `Test ${role.toLowerCase()}`,
      role,
      passwordHash: await hashPassword(password),
      totpSecretEnc: encryptAtRest(secret),
      totpEnrolledAt: new Date(),
      deactivatedAt: overrides.deactivated ? new Date() : null,
    },
    select: { id: true },
  });
  return { id: staff.id, email, password, secret, role };
}

/** A code for the staff member's secret at a time step offset from now (0 = current step). */
export function codeFor(staff: { secret: string }, stepOffset = 0): Promise<string> {
  return generateTotpCode(staff.secret, Date.now() + stepOffset * 30_000);
}

/** The CurrentStaff a signed-in session would give, with a real session row. */
export async function signedInAs(
  staff: TestStaff,
  options: { stepUpAt?: Date | null } = {},
): Promise<CurrentStaff> {
  const session = await getDb().staffSession.create({
    data: {
      staffId: staff.id,
      expiresAt: new Date(Date.now() + 3_600_000),
      stepUpAt: options.stepUpAt ?? null,
    },
    select: { id: true },
  });
  return {
    id: staff.id,
    email: staff.email,
    name: `Test ${staff.role.toLowerCase()}`,
    role: staff.role,
    timeZone: "UTC",
    sessionId: session.id,
    stepUpAt: options.stepUpAt ?? null,
    signInMethod: "PASSWORD",
    policyStanding: "met",
  };
}

/** What an action or page hands to lib: the signed-in staff member, their address and audit actor. */
export async function actingAs(
  staff: TestStaff,
  options: { stepUpAt?: Date | null; ip?: string } = {},
): Promise<StaffContext> {
  return staffContext(await signedInAs(staff, options), options.ip ?? "192.0.2.10");
}
