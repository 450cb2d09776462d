// Text that reaches PostgreSQL and is shown to staff later. Two kinds of character are never kept:
// - NUL (U+0000): text columns and parameters cannot hold it, so a value with one would make the
//   query fail (a 500). Browsers never type NUL; only a crafted request sends one, and it is
//   refused with a message.
// - Bidirectional controls (U+202A-U+202E, U+2066-U+2069): they reorder how the text around them is
//   displayed ("Trojan Source"), so a case note or a key name could show staff something other than
//   what is stored. Nobody types them on purpose; they are removed.
// Every stored text goes through storableString() (or storableText() outside zod).
import { z } from "zod";

export const NUL_MESSAGE = "Remove the invisible NUL character (\\u0000) from this text.";

export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function hasNoNul(value: string): boolean {
  return !value.includes("\u0000");
}

/** C0 controls and DEL: no name, number, reference or search term a person types contains one. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export function hasControlCharacters(value: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(value);
}

/** Each run of C0 controls and DEL as one space: for text from elsewhere shown to staff. */
export function replaceControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, " ");
}

export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

/** z.string() for text that reaches PostgreSQL: NUL refused, bidirectional controls removed. */
export function storableString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(hasNoNul, NUL_MESSAGE).overwrite(stripBidiControls);
}

/** The same rules for text that does not pass through a schema: null when it cannot be stored. */
export function storableText(value: string | undefined | null): string | null {
  if (value === undefined || value === null || !hasNoNul(value)) return null;
  return stripBidiControls(value);
}
