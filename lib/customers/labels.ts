// The words the console shows for the values the customer tables store.
import type { Tone } from "@/lib/format/tone";

export const OUTCOME_LABELS: Record<string, { label: string; tone: Tone }> = {
  SUCCESS: { label: "Signed in", tone: "green" },
  WRONG_PASSWORD: { label: "Wrong password", tone: "amber" },
  CODE_SENT: { label: "Code sent", tone: "blue" },
  CODE_WRONG: { label: "Wrong code", tone: "amber" },
  CODE_EXPIRED: { label: "Code expired", tone: "amber" },
  LOCKED: { label: "Locked", tone: "red" },
  BLOCKED: { label: "Blocked", tone: "red" },
};

export const PURPOSE_LABELS: Record<string, string> = {
  SIGN_IN: "Sign-in",
  DELIVERY: "Delivery",
  PAYMENT: "Payment",
  FACTOR_CHANGE: "Sign-in method change",
  RECOVERY: "Account recovery",
};

export const DELIVERY_STATUS: Record<string, { label: string; tone: Tone }> = {
  QUEUED: { label: "Queued", tone: "neutral" },
  SENT: { label: "Sent", tone: "blue" },
  DELIVERED: { label: "Delivered", tone: "green" },
  FAILED: { label: "Failed", tone: "red" },
};

export const FACTOR_LABELS: Record<string, string> = {
  PASSWORD: "Password",
  SMS: "Text message (SMS)",
  EMAIL: "Email",
  AUTHENTICATOR_APP: "Authenticator app",
  PASSKEY: "Passkey",
  BACKUP_CODES: "Backup codes",
};

export function humanise(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
}
