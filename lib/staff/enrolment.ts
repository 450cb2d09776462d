// Enrolment: the first admin on a new installation (/setup), invited staff (/invite/<token>),
// and re-enrolment after an admin reset someone's authenticator. Each sets a password, proves
// possession of a new TOTP secret with a code, and receives ten recovery codes shown once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import { hashPassword } from "@/lib/auth/password";
import type { EnrolmentInput, FirstAdminInput, InviteAcceptanceInput } from "@/lib/auth/schemas";
import { checkTotpCode } from "@/lib/auth/totp";
import { encryptAtRest } from "@/lib/crypto/at-rest";
import type { PublicContext } from "@/lib/forms/public-action";
import { fail, succeed, type Failure, type Result } from "@/lib/result";
import { issueRecoveryCodes } from "./recovery-codes-store";

export const INVITE_LIFETIME_MS = 72 * 60 * 60 * 1000;
const FIRST_RUN_LOCK = 7_231_002;

/** Shown once after enrolment: the recovery codes are stored only as hashes. */
export type Enrolled = { email: string; recoveryCodes: string[] };

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export async function hasAnyStaff(): Promise<boolean> {
  return (await getDb().staffUser.count()) > 0;
}

/** Proves the new authenticator works: the code must match the secret shown on the page. */
async function checkEnrolmentCode(input: EnrolmentInput): Promise<{ timeStep: number } | Failure> {
  const check = await checkTotpCode(input.totpSecret, input.code);
  if (check.valid) return { timeStep: check.timeStep };
  return fail(
    "That code does not match. Make sure you scanned the code shown on this page and enter the current 6-digit code.",
    "code",
  );
}

const ALREADY_SET_UP = "This desk is already set up. Sign in instead.";

export async function createFirstAdmin(ctx: PublicContext, data: FirstAdminInput): Promise<Result<Enrolled>> {
  // Checked before any hashing: once the desk is set up, this form costs the server nothing.
  if (await hasAnyStaff()) return fail(ALREADY_SET_UP);
  const verified = await checkEnrolmentCode(data);
  if ("ok" in verified) return verified;
  const { timeStep } = verified;
  const passwordHash = await hashPassword(data.password);

  return getDb().$transaction(async (tx) => {
    // Two browsers finishing setup at once: exactly one becomes the first admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK})`;
    if ((await tx.staffUser.count()) > 0) return fail(ALREADY_SET_UP);
    const staff = await tx.staffUser.create({
      data: {
        email: data.email,
        name: data.name,
        role: "ADMIN",
        passwordHash,
        totpSecretEnc: encryptAtRest(data.totpSecret),
        totpEnrolledAt: new Date(),
        totpLastStep: BigInt(timeStep),
      },
      select: { id: true, email: true },
    });
    const recoveryCodes = await issueRecoveryCodes(tx, staff.id);
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: staff.id, label: staff.email },
      action: "staff.setup.first_admin_created",
      target: { type: "staff", id: staff.id },
      ip: ctx.ip,
    });
    return succeed("Your administrator account is ready.", { email: staff.email, recoveryCodes });
  });
}

export type UsableInvite = {
  id: string;
  email: string;
  name: string;
  role: "AGENT" | "SUPERVISOR" | "ADMIN";
  reenrolment: boolean;
};

/** The invitation behind a link, or why it cannot be used. */
export async function findUsableInvite(token: string): Promise<UsableInvite | { problem: string }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { problem: "This invitation link is not valid." };
  const db = getDb();
  const invite = await db.staffInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, usedAt: true, revokedAt: true },
  });
  if (!invite) return { problem: "This invitation link is not valid." };
  if (invite.usedAt)
    return {
      problem: "This invitation has already been used. Sign in, or ask an administrator for a new one.",
    };
  if (invite.revokedAt)
    return { problem: "This invitation was withdrawn. Ask an administrator for a new one." };
  if (invite.expiresAt <= new Date())
    return {
      problem: "This invitation has expired (they last 72 hours). Ask an administrator for a new one.",
    };
  const existing = await db.staffUser.findUnique({ where: { email: invite.email }, select: { id: true } });
  return {
    id: invite.id,
    email: invite.email,
    name: invite.name,
    role: invite.role,
    reenrolment: Boolean(existing),
  };
}

export async function acceptInvite(
  ctx: PublicContext,
  data: InviteAcceptanceInput,
): Promise<Result<Enrolled>> {
  const invite = await findUsableInvite(data.token);
  if ("problem" in invite) return fail(invite.problem);
  const verified = await checkEnrolmentCode(data);
  if ("ok" in verified) return verified;
  const { timeStep } = verified;
  const passwordHash = await hashPassword(data.password);

  return getDb().$transaction(async (tx) => {
    // Single use even when the link is submitted twice at once: only one UPDATE finds it unused.
    const claimed = await tx.staffInvite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return fail("This invitation has already been used.");
    const credentials = {
      name: data.name,
      passwordHash,
      totpSecretEnc: encryptAtRest(data.totpSecret),
      totpEnrolledAt: new Date(),
      totpLastStep: BigInt(timeStep),
      failedSecondFactors: 0,
      lockoutCount: 0,
      lockedUntil: null,
    };
    const staff = await tx.staffUser.upsert({
      where: { email: invite.email },
      // Re-enrolment after an admin reset: same account, new credentials, every old session ends.
      update: { ...credentials, sessionVersion: { increment: 1 } },
      create: { ...credentials, email: invite.email, role: invite.role },
      select: { id: true, email: true },
    });
    const recoveryCodes = await issueRecoveryCodes(tx, staff.id);
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: staff.id, label: staff.email },
      action: invite.reenrolment ? "staff.reenrolled" : "staff.invite.accepted",
      target: { type: "staff", id: staff.id },
      ip: ctx.ip,
      data: { inviteId: invite.id },
    });
    return succeed("You are enrolled.", { email: staff.email, recoveryCodes });
  });
}
