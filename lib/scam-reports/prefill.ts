// From "check a message" to the report form: what the check found (channel, number or address,
// the message itself, what it asked for) as a /report link, so the reader does not type it again.
// Browser-safe and dependency-free: the message checker's script builds the link, and the report
// page parses it with reportPrefillSchema (schemas.ts), which trusts nothing in it.
import type { CheckResult, FlagId } from "@/lib/message-checker/check-message";

/** Long enough for any text message and the start of an email; URLs stay well under 8 kB. */
export const PREFILL_STORY_MAX = 2_000;

const ASK_FOR_FLAG: Partial<Record<FlagId, string>> = {
  "asks-for-code": "ONE_TIME_CODE",
  "asks-for-secret": "PASSWORD",
  payment: "CARD_OR_BANK_DETAILS",
  "gift-card": "GIFT_CARDS",
  "remote-access": "REMOTE_ACCESS_APP",
};

/** An email when it has mail headers or its sender is an address; a text otherwise. */
export function guessChannel(text: string): "EMAIL" | "TEXT" {
  return /^\s*(?:from|subject|to|date)\s*:/im.test(text) ? "EMAIL" : "TEXT";
}

/** The first phone number in the message, or the sender's address of an email. */
export function findContact(text: string, channel: "EMAIL" | "TEXT"): string | undefined {
  if (channel === "EMAIL") {
    const from = /^\s*from\s*:.*?([^\s<>@]+@[^\s<>@]+\.[a-z]{2,})/im.exec(text);
    if (from?.[1]) return from[1].slice(0, 254);
  }
  const phone = /(?:\+|\b)\d[\d\s().-]{7,18}\d\b/.exec(text);
  return phone?.[0].trim().slice(0, 50);
}

export function reportPrefillHref(text: string, result: Pick<CheckResult, "flags">): string {
  const channel = guessChannel(text);
  const params = new URLSearchParams({ from: "checker", channel });
  const contact = findContact(text, channel);
  if (contact) params.set("contact", contact);
  for (const ask of new Set(result.flags.map((flag) => ASK_FOR_FLAG[flag.id]).filter(Boolean)))
    params.append("asks", ask ?? "");
  const story = text.trim();
  params.set(
    "story",
    `The message I got:\n${story.length > PREFILL_STORY_MAX ? `${story.slice(0, PREFILL_STORY_MAX)}…` : story}`,
  );
  return `/report?${params.toString()}`;
}
