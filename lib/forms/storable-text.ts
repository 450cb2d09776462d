// PostgreSQL text columns and parameters cannot hold NUL (U+0000): a value with one makes the insert
// or the query fail, which a server action or page turns into a 500. Browsers never type NUL, so
// only a crafted request sends one; the schemas refuse it with a message instead. (The scam report
// fields strip control characters altogether: lib/scam-reports/schemas.ts cleanText.)
import { z } from "zod";

export const NUL_MESSAGE = "Remove the invisible NUL character (\\u0000) from this text.";

export function hasNoNul(value: string): boolean {
  return !value.includes("\u0000");
}

/** z.string() for text that reaches PostgreSQL: NUL is refused, everything else is the caller's to check. */
export function storableString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(hasNoNul, NUL_MESSAGE);
}
