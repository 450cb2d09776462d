// The "this wasn't me" link in reset notifications: the reset id with an HMAC, so the link cannot
// be forged or pointed at another reset, and needs no table of its own. Following it twice is
// harmless (it flags the account and reopens the case once).
import { createHmac, timingSafeEqual } from "node:crypto";
import { requiredEnv } from "@/lib/env";

function key(): Buffer {
  return createHmac("sha256", requiredEnv("NEXTAUTH_SECRET")).update("not-me-link/v1").digest();
}

function mac(resetId: string): string {
  return createHmac("sha256", key()).update(resetId).digest("base64url");
}

export function notMeToken(resetId: string): string {
  return `${resetId}.${mac(resetId)}`;
}

/** The reset id the token names, or null when it was not made by us. */
export function readNotMeToken(token: string): string | null {
  const [resetId, signature] = token.split(".");
  if (!resetId || !signature || !/^[0-9a-f-]{36}$/.test(resetId)) return null;
  const expected = Buffer.from(mac(resetId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? resetId : null;
}
