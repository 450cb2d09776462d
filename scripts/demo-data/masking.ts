// Masked destinations as the identity system reports them: enough for a customer to recognise their
// own number or address on a call ("ends in 123"), not enough to reveal it.

const DOT = "\u2022"; // •

/** "+447700900123" → "+44 •••• ••• 123" (country code kept, last three digits shown). */
export function maskPhone(e164: string, dialCode: string): string {
  return `+${dialCode} ${DOT.repeat(4)} ${DOT.repeat(3)} ${e164.slice(-3)}`;
}

/** "jane.doe@example.com" → "j•••@example.com". */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at < 1) return `${DOT.repeat(3)}`;
  return `${email.charAt(0)}${DOT.repeat(3)}${email.slice(at)}`;
}

/** The dial code of an E.164 number among the ones the demo uses (longest match first). */
export function dialCodeOf(e164: string, dialCodes: readonly string[]): string {
  const sorted = [...dialCodes].sort((a, b) => b.length - a.length);
  return sorted.find((code) => e164.startsWith(`+${code}`)) ?? e164.slice(1, 3);
}
