// Who is signed in, checked against PostgreSQL on every request: the session row must exist, be
// unrevoked, within its idle and absolute lifetimes, and the staff member active with the same
// session version as the JWT. Cached per request with React's cache(), so a page and its
// components share one lookup.
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { staffActor, type StaffActor } from "@/lib/audit/audit-log";
import { getDb } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { clientIp } from "@/lib/http/client-ip";
import { authOptions } from "./auth-options";
import { can, type Permission, type Role } from "./permissions";
import { SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS, STEP_UP_WINDOW_MS } from "./session-policy";
import {
  phishingResistantRequired,
  sessionStanding,
  type PolicyStanding,
  type SignInMethod,
  type SignInPolicyRules,
} from "./sign-in-policy";

/** Where a session that does not meet its role's sign-in policy is sent (and all it may use). */
export const POLICY_SETUP_PATH = "/console/passkey-required";

/**
 * What such a session may still do: add a passkey, and confirm step-up for it (adding one needs a
 * fresh second factor). Everything else waits until the policy is met.
 */
const ALLOWED_BEFORE_POLICY_MET: ReadonlySet<Permission> = new Set(["passkey:manage", "session:confirm"]);

export type CurrentStaff = {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  sessionId: string;
  stepUpAt: Date | null;
  signInMethod: SignInMethod;
  /** Whether this session meets the role's sign-in policy (lib/auth/sign-in-policy.ts). */
  policyStanding: PolicyStanding;
};

/**
 * Who acts, from where: what every audited console operation in lib takes first. Built once per
 * request by requireStaffContext (pages, actions, route handlers) or by staffContext (scripts, tests).
 */
export type StaffContext = { staff: CurrentStaff; ip: string; actor: StaffActor };

export function staffContext(staff: CurrentStaff, ip: string): StaffContext {
  return { staff, ip, actor: staffActor(staff) };
}

export type SessionProblem = "signed-out" | "expired" | "revoked";

/** How the signed-in staff member can answer a step-up prompt: the console layout offers these. */
export type StepUpMethods = { passkeys: number; code: boolean };

type Lookup = { staff: CurrentStaff; stepUp: StepUpMethods } | { staff: null; problem: SessionProblem };

type SessionWithStaff = {
  id: string;
  staffId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  stepUpAt: Date | null;
  signInMethod: SignInMethod;
  passkeys: number;
  hasCode: boolean;
  policy: SignInPolicyRules;
  staff: {
    id: string;
    email: string;
    name: string;
    role: Role;
    timeZone: string;
    deactivatedAt: Date | null;
    sessionVersion: number;
  };
};

async function findSessionWithStaff(sessionId: string): Promise<SessionWithStaff | null> {
  const rows = await getDb().$queryRaw<
    {
      id: string;
      staff_id: string;
      last_seen_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
      step_up_at: Date | null;
      sign_in_method: SignInMethod;
      passkeys: number;
      has_code: boolean;
      phishing_resistant_roles: Role[] | null;
      password_sign_in_disabled: boolean | null;
      break_glass_staff_id: string | null;
      email: string;
      name: string;
      role: Role;
      time_zone: string;
      deactivated_at: Date | null;
      session_version: number;
    }[]
  >`
    SELECT s.id::text, s.staff_id::text, s.last_seen_at, s.expires_at, s.revoked_at, s.step_up_at,
           s.sign_in_method::text AS sign_in_method,
           (SELECT count(*)::int FROM staff_passkeys k WHERE k.staff_id = s.staff_id) AS passkeys,
           u.totp_secret_enc IS NOT NULL AS has_code,
           p.phishing_resistant_roles::text[] AS phishing_resistant_roles, p.password_sign_in_disabled,
           p.break_glass_staff_id::text AS break_glass_staff_id,
           u.email, u.name, u.role::text AS role, u.time_zone, u.deactivated_at, u.session_version
    FROM staff_sessions s JOIN staff_users u ON u.id = s.staff_id
    LEFT JOIN sign_in_policy p ON p.id = 1
    WHERE s.id = ${sessionId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    staffId: row.staff_id,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    stepUpAt: row.step_up_at,
    signInMethod: row.sign_in_method,
    passkeys: row.passkeys,
    hasCode: row.has_code,
    policy: {
      phishingResistantRoles: row.phishing_resistant_roles ?? [],
      passwordSignInDisabled: row.password_sign_in_disabled ?? false,
      breakGlassStaffId: row.break_glass_staff_id,
    },
    staff: {
      id: row.staff_id,
      email: row.email,
      name: row.name,
      role: row.role,
      timeZone: row.time_zone,
      deactivatedAt: row.deactivated_at,
      sessionVersion: row.session_version,
    },
  };
}

const lookupStaff = cache(async (): Promise<Lookup> => {
  const session = await getServerSession(authOptions);
  if (!session?.sessionId || !session.staffId) return { staff: null, problem: "signed-out" };

  const db = getDb();
  // The session and its staff member in one statement: every console request runs this, and
  // Prisma's nested select would send two queries one after the other.
  const row = isUuid(session.sessionId) ? await findSessionWithStaff(session.sessionId) : null;
  const now = Date.now();
  if (!row || row.staffId !== session.staffId || row.revokedAt || row.staff.deactivatedAt) {
    return { staff: null, problem: "revoked" };
  }
  if (session.sessionVersion !== row.staff.sessionVersion) return { staff: null, problem: "revoked" };
  if (row.expiresAt.getTime() <= now || now - row.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await db.staffSession.updateMany({
      where: { id: row.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return { staff: null, problem: "expired" };
  }
  if (now - row.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await db.staffSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date() } });
  }
  const { staff } = row;
  return {
    staff: {
      id: staff.id,
      email: staff.email,
      name: staff.name,
      role: staff.role,
      timeZone: staff.timeZone,
      sessionId: row.id,
      stepUpAt: row.stepUpAt,
      signInMethod: row.signInMethod,
      policyStanding: sessionStanding({
        required: phishingResistantRequired(staff, row.policy),
        method: row.signInMethod,
        hasPasskey: row.passkeys > 0,
      }),
    },
    stepUp: { passkeys: row.passkeys, code: row.hasCode },
  };
});

/** The signed-in staff member, or null. For places that render differently when signed out. */
export async function getCurrentStaff(): Promise<CurrentStaff | null> {
  return (await lookupStaff()).staff;
}

/**
 * The signed-in staff member's step-up methods, read with the session (no query of its own: the
 * console layout asks on every page). Null when signed out.
 */
export async function currentStepUpMethods(): Promise<StepUpMethods | null> {
  const result = await lookupStaff();
  return result.staff ? result.stepUp : null;
}

/**
 * For console pages and server actions: redirects to sign-in when there is no valid session and
 * renders 403 when the staff member lacks the permission.
 */
export async function requireStaff(permission: Permission = "console:use"): Promise<CurrentStaff> {
  const result = await lookupStaff();
  if (!result.staff)
    redirect(
      result.problem === "signed-out" ? "/console/sign-in" : `/console/sign-in?reason=${result.problem}`,
    );
  if (result.staff.policyStanding !== "met" && !ALLOWED_BEFORE_POLICY_MET.has(permission))
    redirect(POLICY_SETUP_PATH);
  if (!can(result.staff, permission)) forbidden();
  return result.staff;
}

/** requireStaff for every permission given, plus the client address and audit actor. */
export async function requireStaffContext(...permissions: Permission[]): Promise<StaffContext> {
  const [first = "console:use", ...rest] = permissions;
  const staff = await requireStaff(first);
  if (!rest.every((permission) => can(staff, permission))) forbidden();
  return staffContext(staff, clientIp(await headers()));
}

/** For route handlers: a JSON 401/403 instead of a redirect. */
export async function requireStaffForApi(
  permission: Permission = "console:use",
): Promise<StaffContext | Response> {
  const { staff } = await lookupStaff();
  if (!staff) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  if (staff.policyStanding !== "met" && !ALLOWED_BEFORE_POLICY_MET.has(permission))
    return Response.json(
      { error: "Your role must sign in with a passkey or single sign-on first." },
      { status: 403 },
    );
  if (!can(staff, permission))
    return Response.json({ error: "You do not have permission to do this." }, { status: 403 });
  return staffContext(staff, clientIp(await headers()));
}

export function hasFreshStepUp(staff: CurrentStaff, now = Date.now()): boolean {
  return staff.stepUpAt !== null && now - staff.stepUpAt.getTime() <= STEP_UP_WINDOW_MS;
}
