// The vocabulary of a scam report, in one place: the values the database stores and the words the
// public form, the console, the next steps and the CSV export show for them.
import type { ScamAsk, ScamChannel, ScamReportSource, ScamReportStatus } from "@/lib/generated/prisma/enums";

export const SCAM_CHANNELS = ["CALL", "TEXT", "EMAIL", "OTHER"] as const satisfies readonly ScamChannel[];
export const SCAM_ASKS = [
  "ONE_TIME_CODE",
  "PASSWORD",
  "CARD_OR_BANK_DETAILS",
  "GIFT_CARDS",
  "REMOTE_ACCESS_APP",
  "PERSONAL_DETAILS",
  "MONEY_TRANSFER",
] as const satisfies readonly ScamAsk[];
export const SCAM_STATUSES = [
  "NEW",
  "TRIAGED",
  "ESCALATED",
  "CLOSED",
] as const satisfies readonly ScamReportStatus[];
export const SCAM_SOURCES = ["PUBLIC_FORM", "STAFF"] as const satisfies readonly ScamReportSource[];

export const CHANNEL_LABELS: Record<ScamChannel, string> = {
  CALL: "Phone call",
  TEXT: "Text message",
  EMAIL: "Email",
  OTHER: "Something else",
};

/** How the public form asks; the console and exports use the short form. */
export const ASK_LABELS: Record<ScamAsk, { long: string; short: string }> = {
  ONE_TIME_CODE: {
    long: "A one-time code (a code sent to you by text, email or app)",
    short: "One-time code",
  },
  PASSWORD: { long: "Your password", short: "Password" },
  CARD_OR_BANK_DETAILS: { long: "Card or bank details", short: "Card or bank details" },
  GIFT_CARDS: { long: "Gift cards or vouchers", short: "Gift cards" },
  REMOTE_ACCESS_APP: {
    long: "To install an app or let them control your device",
    short: "Remote access app",
  },
  PERSONAL_DETAILS: {
    long: "Personal details (date of birth, address, ID documents)",
    short: "Personal details",
  },
  MONEY_TRANSFER: { long: "To send or move money", short: "Money transfer" },
};

export const STATUS_LABELS: Record<ScamReportStatus, string> = {
  NEW: "New",
  TRIAGED: "Triaged",
  ESCALATED: "Escalated",
  CLOSED: "Closed",
};

export const SOURCE_LABELS: Record<ScamReportSource, string> = {
  PUBLIC_FORM: "Public form",
  STAFF: "Taken by staff",
};

/** Stored as written (the column is free text; the demo data uses the same words). */
export const PAYMENT_METHODS = [
  "Bank transfer",
  "Debit card",
  "Credit card",
  "Gift cards",
  "Cryptocurrency",
  "Cash",
  "Money transfer service",
  "Other",
] as const;

export const CURRENCIES = ["GBP", "EUR", "USD", "CAD", "AUD", "NZD"] as const;

/** The zones the form offers; any other valid IANA zone is accepted too (a browser may add its own). */
export const COMMON_TIME_ZONES = [
  { id: "Europe/London", label: "UK (London)" },
  { id: "Europe/Dublin", label: "Ireland (Dublin)" },
  { id: "Europe/Paris", label: "Central Europe (Paris, Berlin, Madrid)" },
  { id: "America/New_York", label: "US Eastern (New York)" },
  { id: "America/Chicago", label: "US Central (Chicago)" },
  { id: "America/Denver", label: "US Mountain (Denver)" },
  { id: "America/Los_Angeles", label: "US Pacific (Los Angeles)" },
  { id: "America/Toronto", label: "Canada Eastern (Toronto)" },
  { id: "Asia/Kolkata", label: "India (Kolkata)" },
  { id: "Australia/Sydney", label: "Australia Eastern (Sydney)" },
  { id: "Pacific/Auckland", label: "New Zealand (Auckland)" },
  { id: "UTC", label: "UTC" },
] as const;

export const DEFAULT_TIME_ZONE = "Europe/London";

export function formatMoney(cents: number, currency: string | null): string {
  const amount = cents / 100;
  if (!currency)
    return amount.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  try {
    return amount.toLocaleString("en-GB", { style: "currency", currency });
  } catch {
    return `${currency} ${amount.toFixed(2)}`;
  }
}

/** The queue's orders: newest first (the default), oldest first, largest loss first, most urgent first. */
export const QUEUE_SORTS = ["newest", "oldest", "loss", "priority"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The queue's orders as the sort choice and the table's caption name them. */
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  loss: "Largest loss first",
  priority: "Most urgent first",
};
