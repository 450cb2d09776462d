// What an agent typed into "Find a customer", classified so each kind uses its own index:
// an id or external id (primary/unique key), an email (unique normalised email), a phone number in
// any format (E.164 index), or the start of a name (text_pattern_ops prefix index). No full scans.
import { hasControlCharacters } from "@/lib/forms/storable-text";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { isUuid } from "@/lib/ids";
import { toNameKey } from "./name-key";

export type CustomerQuery =
  | { kind: "id"; id: string }
  | { kind: "external-id"; externalId: string }
  | { kind: "email"; email: string }
  | { kind: "phone"; e164: string }
  | { kind: "name"; prefix: string }
  | { kind: "invalid"; message: string };

export function classifyCustomerQuery(raw: string, defaultCountry: CountryCode = "GB"): CustomerQuery {
  const query = raw.trim();
  if (query.length < 2)
    return {
      kind: "invalid",
      message: "Type at least 2 characters: a name, email, phone number or customer id.",
    };
  if (query.length > 200)
    return { kind: "invalid", message: "That is too long to be a name, email, phone number or id." };
  if (hasControlCharacters(query))
    return { kind: "invalid", message: "That contains characters no name, email, phone number or id has." };
  if (isUuid(query)) return { kind: "id", id: query.toLowerCase() };
  if (/^cus_[A-Za-z0-9]+$/.test(query)) return { kind: "external-id", externalId: query };
  if (query.includes("@")) return { kind: "email", email: query.toLowerCase() };
  // Digits with the usual separators: a phone number, in national or international form.
  if (/^[+(]?[\d\s().-]{6,}$/.test(query)) {
    const phone = parsePhoneNumberFromString(query, defaultCountry);
    // isPossible rather than isValid: reserved ranges (such as the UK's 07700 900xxx drama numbers)
    // are not "valid" but are real to the identity system that sent them.
    if (phone?.isPossible()) return { kind: "phone", e164: phone.number };
    return {
      kind: "invalid",
      message:
        "That looks like a phone number but is not one. Include the country code if it is not a UK number, like +33 6 12 34 56 78.",
    };
  }
  return { kind: "name", prefix: toNameKey(query) };
}
