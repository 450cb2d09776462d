// Names of the account actions as staff read them.
import type { AccountActionKind } from "@/lib/generated/prisma/enums";

export const ACTION_LABELS: Record<AccountActionKind, string> = {
  FACTORS_RESET: "Second factors removed",
  SESSIONS_ENDED: "Every session ended",
  SESSION_ENDED: "One session ended",
  PASSWORD_CHANGE_REQUIRED: "New password required",
  ACCOUNT_LOCKED: "Account locked",
  ACCOUNT_UNLOCKED: "Account unlocked",
  CONTACT_RESTORED: "Contact restored",
  CALLER_VERIFICATION_REQUESTED: "Caller verification sent to the customer's app",
};

/** Every kind, in the order forms list them. */
export const ACCOUNT_ACTION_KINDS = Object.keys(ACTION_LABELS) as AccountActionKind[];
