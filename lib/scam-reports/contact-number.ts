// The number or sender a scammer used, as the reporter gave it and, when it reads as a phone
// number, in E.164: the form matching, duplicate hints and the watchlist work on.
//
// "Possible" rather than "valid" numbers are accepted, as in customer search: reserved ranges
// (07700 900xxx) are not "valid" yet scammers spoof them, and a spoofed number is still the thing
// other reports will quote. Such numbers get a note instead of being dropped.
import { findNumbers, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { ScamChannel } from "@/lib/generated/prisma/enums";

/** National numbers without a country code are read as numbers of this country. */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "GB";

export type NormalisedContact = { contactRaw: string | null; contactNumberE164: string | null };

/** Digits with the separators people type: worth trying as a phone number. */
const PHONE_LIKE = /^[+(]?[\d\s().\-/]{2,}$/;

export function looksLikePhoneNumber(raw: string): boolean {
  return PHONE_LIKE.test(raw.trim());
}

/** E.164 for a number typed in any usual format, or null when it is not a possible phone number. */
export function toE164(raw: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const trimmed = raw.trim();
  if (!looksLikePhoneNumber(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}

export function normaliseContact(
  raw: string | null,
  channel: ScamChannel,
  defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY,
): NormalisedContact {
  const contactRaw = raw?.trim() || null;
  if (!contactRaw) return { contactRaw: null, contactNumberE164: null };
  // An email sender is never a phone number, even when it is all digits before the @.
  if (channel === "EMAIL") return { contactRaw, contactNumberE164: null };
  return { contactRaw, contactNumberE164: toE164(contactRaw, defaultCountry) };
}

/** What staff should know about how the contact was read; null when there is nothing to say. */
export function describeContact(contact: NormalisedContact, channel: ScamChannel): string | null {
  if (!contact.contactRaw) return null;
  if (contact.contactNumberE164) {
    const parsed = parsePhoneNumberFromString(contact.contactNumberE164);
    if (parsed && !parsed.isValid())
      return "This number is in a range not given to any phone line: it may have been spoofed (faked caller ID).";
    return null;
  }
  if (channel !== "EMAIL" && looksLikePhoneNumber(contact.contactRaw)) {
    return "Not a valid phone number, so it is kept exactly as given (it will not match other reports or the watchlist).";
  }
  return null;
}

/** "+44 20 7946 0123" for display; the E.164 itself when the library cannot format it. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Phone numbers written anywhere in free text (case notes, subjects), in E.164, without repeats. */
export function extractPhoneNumbers(
  text: string,
  defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY,
): string[] {
  // Bounded: notes are short, and the matcher's cost grows with the text.
  // `leniency` is a documented option the type definitions omit: "POSSIBLE" also finds numbers in
  // reserved ranges (the default, "VALID", would skip the spoofed numbers we most want to find).
  const options: { defaultCountry: CountryCode; v2: true; leniency: string } = {
    defaultCountry,
    v2: true,
    leniency: "POSSIBLE",
  };
  const matches = findNumbers(text.slice(0, 20_000), options);
  return [...new Set(matches.map((match) => match.number.number))];
}
