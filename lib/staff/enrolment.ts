// Enrolment: the first admin on a new installation (/setup), invited staff (/invite/<token>),
// and re-enrolment after an admin reset someone's authenticator. Each sets a password, proves
// possession of a new TOTP secret with a code, and receives ten recovery codes shown once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import { hashPassword } from "@/lib/auth/password";
import { enrolmentSchema, firstAdminSchema } from "@/lib/auth/schemas";
import { checkTotpCode } from "@/lib/auth/totp";
import { encryptTotpSecret } from "@/lib/auth/totp-crypto";
import type { z } from "zod";
import { issueRecoveryCodes } from "./recovery-codes-store";

export const INVITE_LIFETIME_MS = 72 * 60 * 60 * 1000;
const FIRST_RUN_LOCK = 7_231_002;

export type EnrolmentResult =
  | { ok: true; email: string; recoveryCodes: string[] }
  | { ok: false; error: z.ZodError }
  | { ok: false; message: string };

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

async function verifyEnrolment<Schema extends typeof enrolmentSchema | typeof firstAdminSchema>(schema: Schema, input: unknown) {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false as const, error: parsed.error };
  const check = await checkTotpCode(parsed.data.totpSecret, parsed.data.code);
  if (!check.valid) {
    return {
      ok: false as const,
      message: "That code does not match. Make sure you scanned the code shown on this page and enter the current 6-digit code.",
    };
  }
  return { ok: true as const, data: parsed.data as z.infer<Schema>, timeStep: check.timeStep };
}

export async function createFirstAdmin(input: unknown, ip: string): Promise<EnrolmentResult> {
  const verified = await verifyEnrolment(firstAdminSchema, input);
  if (!verified.ok) return verified;
  const { data, timeStep } = verified;
  const passwordHash = await hashPassword(data.password);

  return getDb().$transaction(async (tx) => {
    // Two browsers finishing setup at once: exactly one becomes the first admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK})`;
    if ((await tx.staffUser.count()) > 0) {
      return { ok: false as const, message: "This desk is already set up. Sign in instead." };
    }
    const staff = await tx.staffUser.create({
      data: {
        email: data.email,
        name: data.name,
        role: "ADMIN",
        passwordHash,
        totpSecretEnc: encryptTotpSecret(data.totpSecret),
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
      ip,
    });
    return { ok: true as const, email: staff.email, recoveryCodes };
  });
}

export type UsableInvite = { id: string; email: string; name: string; role: "AGENT" | "SUPERVISOR" | "ADMIN"; reenrolment: boolean };

/** The invitation behind a link, or why it cannot be used. */
export async function findUsableInvite(token: string): Promise<UsableInvite | { problem: string }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { problem: "This invitation link is not valid." };
  const db = getDb();
  const invite = await db.staffInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, usedAt: true, revokedAt: true },
  });
  if (!invite) return { problem: "This invitation link is not valid." };
  if (invite.usedAt) return { problem: "This invitation has already been used. Sign in, or ask an administrator for a new one." };
  if (invite.revokedAt) return { problem: "This invitation was withdrawn. Ask an administrator for a new one." };
  if (invite.expiresAt <= new Date()) return { problem: "This invitation has expired (they last 72 hours). Ask an administrator for a new one." };
  const existing = await db.staffUser.findUnique({ where: { email: invite.email }, select: { id: true } });
  return { id: invite.id, email: invite.email, name: invite.name, role: invite.role, reenrolment: Boolean(existing) };
}

export async function acceptInvite(token: string, input: unknown, ip: string): Promise<EnrolmentResult> {
  const invite = await findUsableInvite(token);
  if ("problem" in invite) return { ok: false, message: invite.problem };
  const verified = await verifyEnrolment(enrolmentSchema, input);
  if (!verified.ok) return verified;
  const { data, timeStep } = verified;
  const passwordHash = await hashPassword(data.password);

  return getDb().$transaction(async (tx) => {
    // Single use even when the link is submitted twice at once: only one UPDATE finds it unused.
    const claimed = await tx.staffInvite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return { ok: false as const, message: "This invitation has already been used." };
    const credentials = {
      name: data.name,
      passwordHash,
      totpSecretEnc: encryptTotpSecret(data.totpSecret),
      totpEnrolledAt: new Date(),
      totpLastStep: BigInt(timeStep),
      failedSignIns: 0,
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
      ip,
      data: { inviteId: invite.id },
    });
    return { ok: true as const, email: staff.email, recoveryCodes };
  });
}
