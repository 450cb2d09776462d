// Administrators set the staff sign-in policy on the Staff page (lib/auth/sign-in-policy.ts says
// what it means). Guarded so that the policy can never shut everyone out:
// - turning passwords off needs a named break-glass administrator, active and enrolled;
// - without single sign-on, turning passwords off is refused while anyone (but the break-glass
//   administrator) has no passkey, since they could not sign in at all;
// - every change is audited with what it was before, and ends no session by itself: sessions that
//   no longer meet the policy are walked to a passkey at their next request.
import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import type { Role } from "@/lib/auth/permissions";
import {
  DEFAULT_SIGN_IN_POLICY,
  loadSignInPolicy,
  phishingResistantRequired,
  type SignInPolicyRules,
} from "@/lib/auth/sign-in-policy";
import { ssoSettings } from "@/lib/auth/sso-config";
import { fail, succeed, type Result } from "@/lib/result";
import type { signInPolicySchema } from "./schemas";

export type SignInPolicyInput = z.output<typeof signInPolicySchema>;

export type SignInPolicyView = SignInPolicyRules & {
  updatedAt: Date | null;
  updatedByName: string | null;
  ssoName: string | null;
  /** Active administrators who can be the break-glass account (they have a password and a code). */
  breakGlassCandidates: { id: string; name: string; email: string }[];
};

export async function signInPolicyView(): Promise<SignInPolicyView> {
  const db = getDb();
  const [row, candidates] = await Promise.all([
    db.signInPolicy.findUnique({
      where: { id: 1 },
      select: {
        phishingResistantRoles: true,
        passwordSignInDisabled: true,
        breakGlassStaffId: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    }),
    db.staffUser.findMany({
      where: {
        role: "ADMIN",
        deactivatedAt: null,
        passwordHash: { not: null },
        totpSecretEnc: { not: null },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true },
    }),
  ]);
  return {
    ...(row ?? DEFAULT_SIGN_IN_POLICY),
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedBy?.name ?? null,
    ssoName: ssoSettings()?.name ?? null,
    breakGlassCandidates: candidates,
  };
}

export async function updateSignInPolicy(ctx: StaffContext, input: SignInPolicyInput): Promise<Result> {
  const roles: Role[] = [
    ...(input.requireAgents ? (["AGENT"] as const) : []),
    ...(input.requireSupervisors ? (["SUPERVISOR"] as const) : []),
    ...(input.requireAdmins ? (["ADMIN"] as const) : []),
  ];
  const next: SignInPolicyRules = {
    phishingResistantRoles: roles,
    passwordSignInDisabled: input.passwordSignInDisabled,
    breakGlassStaffId: input.breakGlassStaffId,
  };
  const db = getDb();

  if (next.breakGlassStaffId) {
    const breakGlass = await db.staffUser.findUnique({
      where: { id: next.breakGlassStaffId },
      select: { role: true, deactivatedAt: true, passwordHash: true, totpSecretEnc: true },
    });
    if (
      !breakGlass ||
      breakGlass.role !== "ADMIN" ||
      breakGlass.deactivatedAt ||
      !breakGlass.passwordHash ||
      !breakGlass.totpSecretEnc
    )
      return fail(
        "The break-glass account must be an active administrator with a password and an authenticator app.",
        "breakGlassStaffId",
      );
  } else if (next.passwordSignInDisabled) {
    return fail(
      "Name a break-glass administrator: the one account that can still sign in with a password if single sign-on and passkeys fail.",
      "breakGlassStaffId",
    );
  }

  // Nobody may be left without a way in: with passwords off and no single sign-on, everyone the
  // policy covers needs a passkey already.
  if (next.passwordSignInDisabled && !ssoSettings()) {
    const stranded = await db.staffUser.findMany({
      where: {
        deactivatedAt: null,
        passkeys: { none: {} },
        id: { not: next.breakGlassStaffId ?? undefined },
      },
      orderBy: { name: "asc" },
      select: { name: true },
    });
    if (stranded.length > 0) {
      const names = stranded.slice(0, 5).map((staff) => staff.name);
      const more = stranded.length > names.length ? ` and ${stranded.length - names.length} more` : "";
      return fail(
        `Single sign-on is not set up, and ${stranded.length} staff member${stranded.length === 1 ? " has" : "s have"} no passkey (${names.join(", ")}${more}): with passwords off they could not sign in. Ask them to add a passkey first.`,
        "passwordSignInDisabled",
      );
    }
  }

  const before = await loadSignInPolicy();
  await db.$transaction(async (tx) => {
    await tx.signInPolicy.upsert({
      where: { id: 1 },
      create: { id: 1, ...next, phishingResistantRoles: [...roles], updatedById: ctx.staff.id },
      update: { ...next, phishingResistantRoles: [...roles], updatedById: ctx.staff.id },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "staff.sign_in_policy.updated",
      ip: ctx.ip,
      target: { type: "sign-in-policy", id: "1" },
      data: { before, after: next, reason: input.reason },
    });
  });
  const ownSessionAffected =
    phishingResistantRequired(ctx.staff, next) && ctx.staff.signInMethod === "PASSWORD";
  return succeed(
    ownSessionAffected
      ? "Sign-in policy saved. It covers you too: you will be asked to use a passkey next."
      : "Sign-in policy saved.",
  );
}
