// Personal data is masked by default in the console: enough for an agent to match what a
// customer says ("my number ends in 123"), not enough to read it out. Revealing needs step-up.
import { parsePhoneNumberFromString } from "libphonenumber-js";

const DOT = "\u2022";

export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return DOT.repeat(6);
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return `${local.charAt(0)}${DOT.repeat(Math.min(6, Math.max(3, local.length - 1)))}@${domain}`;
}

export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const country = parsed ? `+${parsed.countryCallingCode}` : e164.slice(0, 3);
  return `${country} ${DOT.repeat(4)} ${DOT.repeat(3)} ${e164.slice(-3)}`;
}

/** What someone typed to sign in: an email, or a phone number in any format (only its end shows). */
export function maskIdentifier(identifier: string): string {
  if (identifier.includes("@")) return maskEmail(identifier);
  if (/^\+\d{8,15}$/.test(identifier)) return maskPhone(identifier);
  return `${DOT.repeat(6)}${identifier.slice(-3)}`;
}

/** "Olivia Bennett" stays readable: names are needed to greet the caller. */
export function maskDestination(destination: string): string {
  return destination.includes("@") ? maskEmail(destination) : maskPhone(destination);
}
