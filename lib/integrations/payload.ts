// What an identity system receives for one account action: the same JSON for a webhook body and
// a poll answer (docs/identity-system.md, docs/identity-system.openapi.yaml). The customer is named
// by the identity system's own id (externalId); nothing else personal is sent.
import type { AccountActionKind } from "@/lib/generated/prisma/enums";

export const EVENT_TYPES: Record<AccountActionKind, string> = {
  FACTORS_RESET: "account.factors_reset",
  SESSIONS_ENDED: "account.sessions_ended",
  SESSION_ENDED: "account.session_ended",
  PASSWORD_CHANGE_REQUIRED: "account.password_change_required",
  ACCOUNT_LOCKED: "account.locked",
  ACCOUNT_UNLOCKED: "account.unlocked",
  CONTACT_RESTORED: "account.contact_restored",
  CALLER_VERIFICATION_REQUESTED: "account.caller_verification_requested",
};

/** Sent by "Send a test delivery": receivers should answer 2xx and apply nothing. */
export const TEST_EVENT_TYPE = "desk.test";

export type ActionForDelivery = {
  id: string;
  kind: AccountActionKind;
  sequence: bigint;
  customerExternalId: string;
  reason: string;
  detail: unknown;
  createdAt: Date;
};

export type ActionEvent = {
  type: string;
  timestamp: string;
  data: {
    actionId: string;
    sequence: string;
    customer: { externalId: string };
    reason: string;
    detail: Record<string, unknown>;
  };
};

export function actionEvent(action: ActionForDelivery): ActionEvent {
  const detail =
    action.detail && typeof action.detail === "object" && !Array.isArray(action.detail)
      ? (action.detail as Record<string, unknown>)
      : {};
  return {
    type: EVENT_TYPES[action.kind],
    timestamp: action.createdAt.toISOString(),
    data: {
      actionId: action.id,
      // A string: JSON numbers lose precision past 2^53 in most languages.
      sequence: action.sequence.toString(),
      customer: { externalId: action.customerExternalId },
      reason: action.reason,
      detail,
    },
  };
}

export function testEvent(now: Date): { type: string; timestamp: string; data: Record<string, never> } {
  return { type: TEST_EVENT_TYPE, timestamp: now.toISOString(), data: {} };
}
