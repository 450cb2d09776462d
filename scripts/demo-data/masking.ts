// Masked destinations as the identity system reports them in its events: enough for a customer to
// recognise their own number or address ("ends in 123"), not enough to reveal it. The seed knows
// each number's dial code, so unlike lib/customers/masking.ts it needs no phone parsing per code
// (which would cost minutes in a million-customer seed).

const DOT = "\u2022"; // •

/** "+447700900123" → "+44 •••• ••• 123" (country code kept, last three digits shown). */
export function maskPhone(e164: string, dialCode: string): string {
  return `+${dialCode} ${DOT.repeat(4)} ${DOT.repeat(3)} ${e164.slice(-3)}`;
}

/** "jane.doe@example.com" → "j•••@example.com": always three dots, unlike the console's maskEmail. */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at < 1) return `${DOT.repeat(3)}`;
  return `${email.charAt(0)}${DOT.repeat(3)}${email.slice(at)}`;
}
