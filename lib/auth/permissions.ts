// The one authorisation policy, pure so the UI (what to show) and the server (what to allow) share
// it. Server code never trusts the UI's decision: every page, action and route handler calls
// requireStaff(permission) and, for resource-level rules, can() with the loaded resource.

export type Role = "AGENT" | "SUPERVISOR" | "ADMIN";

export type Permission =
  | "console:use"
  | "customer:search"
  | "customer:view"
  | "customer:reveal-pii"
  | "case:work"
  | "reset:request"
  | "reset:approve"
  // Send the customer a "is it you on the phone?" request on a trusted contact.
  | "caller:verify"
  // Lift the block a customer's "No, I did not contact you" put on resets.
  | "reset:unblock"
  | "account:protect"
  | "account:restore"
  | "scam-report:record"
  | "scam-report:triage"
  | "analytics:view"
  | "audit:view"
  | "audit:export"
  | "outbox:view"
  | "staff:manage"
  | "api-key:manage"
  // Identity-system endpoints: where account actions are delivered, their secrets and delivery log.
  | "integration:manage"
  // The help center's content: article feedback, searches that found nothing, review dates.
  | "content:manage"
  // One's own passkeys: each is a new way into the account, so adding and removing need step-up.
  | "passkey:manage"
  // Prove a second factor again in one's own session (step-up itself).
  | "session:confirm";

const EVERY_ROLE: readonly Role[] = ["AGENT", "SUPERVISOR", "ADMIN"];
const SUPERVISORS: readonly Role[] = ["SUPERVISOR", "ADMIN"];
const ADMINS: readonly Role[] = ["ADMIN"];

const GRANTS: Record<Permission, readonly Role[]> = {
  "console:use": EVERY_ROLE,
  "customer:search": EVERY_ROLE,
  "customer:view": EVERY_ROLE,
  "customer:reveal-pii": EVERY_ROLE,
  "case:work": EVERY_ROLE,
  "reset:request": EVERY_ROLE,
  "reset:approve": SUPERVISORS,
  "caller:verify": EVERY_ROLE,
  "reset:unblock": SUPERVISORS,
  // End sessions, require a new password, lock: they only take access away.
  "account:protect": EVERY_ROLE,
  // Unlock, put back a replaced email or phone: they give access back, so step-up (and approval
  // when the account shows risk).
  "account:restore": EVERY_ROLE,
  "scam-report:record": EVERY_ROLE,
  "scam-report:triage": EVERY_ROLE,
  "analytics:view": SUPERVISORS,
  "audit:view": SUPERVISORS,
  "audit:export": ADMINS,
  "outbox:view": ADMINS,
  "staff:manage": ADMINS,
  "api-key:manage": ADMINS,
  "integration:manage": ADMINS,
  "content:manage": ADMINS,
  "passkey:manage": EVERY_ROLE,
  "session:confirm": EVERY_ROLE,
};

/** Actions that need a second factor entered in the last few minutes (step-up). */
export const STEP_UP_PERMISSIONS: ReadonlySet<Permission> = new Set([
  "customer:reveal-pii",
  "reset:request",
  "reset:approve",
  "reset:unblock",
  "account:restore",
  "staff:manage",
  "api-key:manage",
  "integration:manage",
  "passkey:manage",
]);

export type Actor = { id: string; role: Role };

/** Resource-level rules; the permission alone decides when no resource is given. */
export type Resource =
  | { kind: "factor-reset"; requestedById: string }
  | { kind: "contact-restore"; requestedById: string }
  | { kind: "staff"; id: string }
  /** A case or scam report changed in bulk (bulk status change). */
  | { kind: "work-item"; assigneeId: string | null };

export function can(actor: Actor, permission: Permission, resource?: Resource): boolean {
  if (!GRANTS[permission].includes(actor.role)) return false;
  if (!resource) return true;
  switch (resource.kind) {
    // Four eyes: nobody approves their own reset request.
    case "factor-reset":
    case "contact-restore":
      return permission !== "reset:approve" || resource.requestedById !== actor.id;
    // Admins manage others; changing your own role or deactivating yourself could lock everyone out.
    case "staff":
      return permission !== "staff:manage" || resource.id !== actor.id;
    // A bulk change over a colleague's work is a supervisor's call: an agent changes in bulk only
    // what is theirs or nobody's.
    case "work-item":
      return actor.role !== "AGENT" || resource.assigneeId === null || resource.assigneeId === actor.id;
  }
}

export function rolesWith(permission: Permission): readonly Role[] {
  return GRANTS[permission];
}
