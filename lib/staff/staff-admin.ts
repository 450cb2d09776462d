// Staff administration (admins only): invite, change role, deactivate and reactivate, reset an
// authenticator, unlock. Each takes a reason, runs with its audit event in one transaction, and
// ends the target's sessions when their access changes (session version bump).
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import { can } from "@/lib/auth/permissions";
import type { CurrentStaff, StaffContext } from "@/lib/auth/current-staff";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { emailStaffInvitation, invitationMailer } from "@/lib/notifications/staff-invitation";
import type { NotificationTransport } from "@/lib/notifications/transports";
import { fail, succeed, type Result } from "@/lib/result";
import { INVITE_LIFETIME_MS, newInviteToken } from "./enrolment";

export type StaffListItem = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  status: "active" | "locked" | "deactivated" | "needs-enrolment";
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  /** How they can sign in: password + authenticator code (once enrolled), passkeys, single sign-on. */
  signInMethods: { passwordAndCode: boolean; passkeys: number; sso: boolean };
};

export async function listStaff(): Promise<StaffListItem[]> {
  const rows = await getDb().staffUser.findMany({
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      lockedUntil: true,
      deactivatedAt: true,
      totpSecretEnc: true,
      lastSignInAt: true,
      createdAt: true,
      passwordHash: true,
      ssoSubject: true,
      _count: { select: { passkeys: true } },
    },
  });
  const now = new Date();
  return rows.map(({ totpSecretEnc, deactivatedAt, passwordHash, ssoSubject, _count, ...row }) => ({
    ...row,
    signInMethods: {
      passwordAndCode: Boolean(passwordHash && totpSecretEnc),
      passkeys: _count.passkeys,
      sso: ssoSubject !== null,
    },
    status: deactivatedAt
      ? "deactivated"
      : !totpSecretEnc && !ssoSubject && _count.passkeys === 0
        ? "needs-enrolment"
        : row.lockedUntil && row.lockedUntil > now
          ? "locked"
          : "active",
  }));
}

export type PendingInvite = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  expiresAt: Date;
  createdAt: Date;
};

/** How long an expired, unused invitation stays listed, so an admin can send a fresh link. */
const EXPIRED_INVITES_LISTED_MS = 30 * 24 * 60 * 60 * 1000;

/** Invitations not used nor revoked: the open ones, and those expired lately (to resend). */
export async function listPendingInvites(): Promise<PendingInvite[]> {
  return getDb().staffInvite.findMany({
    where: {
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date(Date.now() - EXPIRED_INVITES_LISTED_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, createdAt: true },
  });
}

/** Where an invited (or re-enrolling) person goes: shown once to the admin to send on. */
export type InviteLink = { path: string };

const inviteLink = (token: string): InviteLink => ({ path: `/invite/${token}` });

async function createInvite(
  tx: Prisma.TransactionClient,
  ctx: StaffContext,
  invite: { email: string; name: string; role: StaffRole },
): Promise<string> {
  const { token, tokenHash } = newInviteToken();
  // A new link replaces any earlier unused one for the same address.
  await tx.staffInvite.updateMany({
    where: { email: invite.email, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await tx.staffInvite.create({
    data: {
      email: invite.email,
      name: invite.name,
      role: invite.role,
      tokenHash,
      invitedById: ctx.staff.id,
      expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
    },
  });
  return token;
}

/** What the admin is told about the email, after the link itself. */
function emailSentence(outcome: Awaited<ReturnType<typeof emailStaffInvitation>>, email: string): string {
  if (outcome === "sent") return ` It was emailed to ${email}; the link below is the same one.`;
  if (outcome === "failed") return " Emailing it failed: send them the link below yourself.";
  return " Send them the link below.";
}

export async function inviteStaff(
  ctx: StaffContext,
  input: { email: string; name: string; role: StaffRole; reason: string },
  mailer: NotificationTransport | null = invitationMailer(),
): Promise<Result<InviteLink>> {
  const db = getDb();
  const existing = await db.staffUser.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return fail("Someone with this email already has an account.", "email");
  const token = await db.$transaction(async (tx) => {
    const created = await createInvite(tx, ctx, input);
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "staff.invited",
      target: { type: "staff-invite", id: input.email },
      reason: input.reason,
      ip: ctx.ip,
      data: { role: input.role },
    });
    return created;
  });
  const link = inviteLink(token);
  const emailed = await emailStaffInvitation(mailer, {
    email: input.email,
    name: input.name,
    path: link.path,
    expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
    invitedBy: ctx.staff.name,
  });
  return succeed(
    `Invitation created for ${input.email}. It works once and expires in 72 hours.${emailSentence(emailed, input.email)}`,
    link,
  );
}

/** An invitation not yet used nor revoked (it may have expired: resending renews it). */
async function loadOpenInvite(inviteId: string) {
  const invite = await getDb().staffInvite.findUnique({
    where: { id: inviteId },
    select: { id: true, email: true, name: true, role: true, usedAt: true, revokedAt: true },
  });
  if (!invite) return "That invitation does not exist.";
  if (invite.usedAt) return `${invite.email} already accepted that invitation.`;
  if (invite.revokedAt) return "That invitation was already revoked or replaced by a newer one.";
  return invite;
}

export async function revokeInvite(
  ctx: StaffContext,
  input: { inviteId: string; reason: string },
): Promise<Result> {
  const invite = await loadOpenInvite(input.inviteId);
  if (typeof invite === "string") return fail(invite);
  const revoked = await getDb().$transaction(async (tx) => {
    // Only an invitation still open: accepting it in the meantime wins, and nothing is written.
    const { count } = await tx.staffInvite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return false;
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "staff.invite.revoked",
      target: { type: "staff-invite", id: invite.email },
      reason: input.reason,
      ip: ctx.ip,
      data: { inviteId: invite.id, role: invite.role },
    });
    return true;
  });
  if (!revoked) return fail("That invitation was used or revoked a moment ago.");
  return succeed(`Invitation for ${invite.email} revoked: its link no longer works.`);
}

export async function resendInvite(
  ctx: StaffContext,
  input: { inviteId: string; reason: string },
  mailer: NotificationTransport | null = invitationMailer(),
): Promise<Result<InviteLink>> {
  const invite = await loadOpenInvite(input.inviteId);
  if (typeof invite === "string") return fail(invite);
  const db = getDb();
  const existing = await db.staffUser.findUnique({ where: { email: invite.email }, select: { id: true } });
  if (existing) return fail(`${invite.email} already has an account.`);
  const token = await db.$transaction(async (tx) => {
    // A new link with a new lifetime; createInvite revokes the old one, so only the newest works.
    const created = await createInvite(tx, ctx, invite);
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "staff.invite.resent",
      target: { type: "staff-invite", id: invite.email },
      reason: input.reason,
      ip: ctx.ip,
      data: { replacedInviteId: invite.id, role: invite.role },
    });
    return created;
  });
  const link = inviteLink(token);
  const emailed = await emailStaffInvitation(mailer, {
    email: invite.email,
    name: invite.name,
    path: link.path,
    expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
    invitedBy: ctx.staff.name,
  });
  return succeed(
    `New invitation link for ${invite.email}; the old one no longer works. It expires in 72 hours.${emailSentence(emailed, invite.email)}`,
    link,
  );
}

type Target = { id: string; email: string; role: StaffRole; deactivatedAt: Date | null };

async function loadTarget(admin: CurrentStaff, staffId: string): Promise<Target | string> {
  // The id comes from the request: it must name a real staff member other than the admin.
  const target = await getDb().staffUser.findUnique({
    where: { id: staffId },
    select: { id: true, email: true, role: true, deactivatedAt: true },
  });
  if (!target) return "That staff member does not exist.";
  if (!can(admin, "staff:manage", { kind: "staff", id: target.id })) {
    return "You cannot change your own account here. Ask another administrator.";
  }
  return target;
}

type TargetChange = {
  data: Prisma.StaffUserUpdateInput;
  action: string;
  message: string;
  details?: Record<string, unknown>;
  endSessions: boolean;
};

async function changeTarget(
  ctx: StaffContext,
  input: { staffId: string; reason: string },
  change: (target: Target) => TargetChange | string,
): Promise<Result> {
  const target = await loadTarget(ctx.staff, input.staffId);
  if (typeof target === "string") return fail(target);
  const plan = change(target);
  if (typeof plan === "string") return fail(plan);
  await getDb().$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: target.id },
      data: plan.endSessions ? { ...plan.data, sessionVersion: { increment: 1 } } : plan.data,
    });
    if (plan.endSessions) {
      await tx.staffSession.updateMany({
        where: { staffId: target.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: plan.action,
      target: { type: "staff", id: target.id },
      reason: input.reason,
      ip: ctx.ip,
      data: plan.details,
    });
  });
  return succeed(plan.message);
}

export function changeStaffRole(
  ctx: StaffContext,
  input: { staffId: string; role: StaffRole; reason: string },
): Promise<Result> {
  const { role } = input;
  return changeTarget(ctx, input, (target) =>
    target.role === role
      ? `${target.email} is already ${role.toLowerCase()}.`
      : {
          data: { role },
          action: "staff.role_changed",
          message: `${target.email} is now ${role.toLowerCase()}. Their sessions have ended.`,
          details: { from: target.role, to: role },
          endSessions: true,
        },
  );
}

export function setStaffActive(
  ctx: StaffContext,
  input: { staffId: string; active: boolean; reason: string },
): Promise<Result> {
  const { active } = input;
  return changeTarget(ctx, input, (target) => {
    if (active === !target.deactivatedAt)
      return `${target.email} is already ${active ? "active" : "deactivated"}.`;
    return {
      data: { deactivatedAt: active ? null : new Date() },
      action: active ? "staff.reactivated" : "staff.deactivated",
      message: active
        ? `${target.email} can sign in again.`
        : `${target.email} is deactivated and signed out everywhere.`,
      endSessions: !active,
    };
  });
}

export function unlockStaff(ctx: StaffContext, input: { staffId: string; reason: string }): Promise<Result> {
  return changeTarget(ctx, input, (target) => ({
    data: { lockedUntil: null, failedSecondFactors: 0, lockoutCount: 0 },
    action: "staff.unlocked",
    message: `${target.email} is unlocked.`,
    endSessions: false,
  }));
}

/** Removes the authenticator and issues a re-enrolment link; the person must enrol again. */
export async function resetStaffTotp(
  ctx: StaffContext,
  input: { staffId: string; reason: string },
): Promise<Result<InviteLink>> {
  const target = await loadTarget(ctx.staff, input.staffId);
  if (typeof target === "string") return fail(target);
  const token = await getDb().$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: target.id },
      data: {
        totpSecretEnc: null,
        totpEnrolledAt: null,
        totpLastStep: null,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.staffSession.updateMany({
      where: { staffId: target.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.staffRecoveryCode.deleteMany({ where: { staffId: target.id } });
    // Passkeys too: a reset is for a lost or compromised device, and a passkey on it (or one an
    // intruder added) would otherwise still sign in. They add new ones after re-enrolling.
    const passkeys = await tx.staffPasskey.deleteMany({ where: { staffId: target.id } });
    const user = await tx.staffUser.findUniqueOrThrow({ where: { id: target.id }, select: { name: true } });
    const created = await createInvite(tx, ctx, { email: target.email, name: user.name, role: target.role });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "staff.totp_reset",
      target: { type: "staff", id: target.id },
      reason: input.reason,
      ip: ctx.ip,
      data: { passkeysRemoved: passkeys.count },
    });
    return created;
  });
  return succeed(
    `${target.email}'s authenticator and passkeys were removed and their sessions ended. Send them the re-enrolment link below (single use, 72 hours).`,
    inviteLink(token),
  );
}

/** Ends every session of the signed-in staff member (including this one). */
export async function signOutEverywhere(ctx: StaffContext): Promise<void> {
  const { staff } = ctx;
  await getDb().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { sessionVersion: { increment: 1 } } });
    await tx.staffSession.updateMany({
      where: { staffId: staff.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "staff.signed_out_everywhere",
      target: { type: "staff", id: staff.id },
      ip: ctx.ip,
    });
  });
}

/** Ends one of the staff member's own sessions; ids from the request are checked against the owner. */
export async function revokeOwnSession(ctx: StaffContext, input: { sessionId: string }): Promise<Result> {
  const { sessionId } = input;
  return getDb().$transaction(async (tx) => {
    const revoked = await tx.staffSession.updateMany({
      where: { id: sessionId, staffId: ctx.staff.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) return fail("That session has already ended.");
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "staff.session_revoked",
      target: { type: "staff-session", id: sessionId },
      ip: ctx.ip,
    });
    return succeed("Session ended.");
  });
}

export type OwnSession = {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  signInMethod: "PASSWORD" | "PASSKEY" | "SSO";
  current: boolean;
};

export async function listOwnSessions(staff: CurrentStaff): Promise<OwnSession[]> {
  const rows = await getDb().staffSession.findMany({
    where: { staffId: staff.id, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true, signInMethod: true },
  });
  return rows.map((row) => ({ ...row, current: row.id === staff.sessionId }));
}

export type SignInEvent = { seq: bigint; action: string; occurredAt: Date; ip: string | null };

export async function listOwnSignInEvents(staff: CurrentStaff, take = 20): Promise<SignInEvent[]> {
  return getDb().auditEvent.findMany({
    where: { targetType: "staff", targetId: staff.id, action: { startsWith: "staff.sign_in." } },
    orderBy: { seq: "desc" },
    take,
    select: { seq: true, action: true, occurredAt: true, ip: true },
  });
}

export type StaffMatch = { id: string; name: string; email: string; role: StaffRole; active: boolean };

/** Colleagues whose name (or email) contains the text, for the console search; active ones first. */
export async function searchStaffByName(text: string, take = 10): Promise<StaffMatch[]> {
  const needle = text.trim();
  if (needle.length < 2) return [];
  const rows = await getDb().staffUser.findMany({
    where: {
      OR: [
        { name: { contains: needle, mode: "insensitive" } },
        { email: { startsWith: needle, mode: "insensitive" } },
      ],
    },
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
  });
  return rows.map(({ deactivatedAt, ...row }) => ({ ...row, active: deactivatedAt === null }));
}

/** Names for staff ids, for pages that show who did what (the audit log). */
export async function findStaffNames(ids: readonly string[]): Promise<Map<string, string>> {
  const valid = [
    ...new Set(
      ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)),
    ),
  ];
  if (valid.length === 0) return new Map();
  const rows = await getDb().staffUser.findMany({
    where: { id: { in: valid } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.id, row.name]));
}
