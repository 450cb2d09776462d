// The client's address as our HTTP server resolved it (lib/http/client-address.ts explains how,
// and when X-Forwarded-For is believed). The header is set on every request by our server and
// replaces anything a client sent under the same name; a request that did not pass through it
// (a bare `next start`) has no address the app could trust, and is treated as one shared
// "unknown" client, so rate limits still hold.
import { createHash } from "node:crypto";
import { CLIENT_ADDRESS_HEADER, normaliseAddress } from "./client-address";

type HeaderSource = { get(name: string): string | null };

export const UNKNOWN_CLIENT = "unknown";

export function clientIp(headers: HeaderSource): string {
  return normaliseAddress(headers.get(CLIENT_ADDRESS_HEADER) ?? undefined) ?? UNKNOWN_CLIENT;
}

/**
 * A stable, non-reversible handle for a client, for rate-limit keys on public forms: the desk has
 * no need to store a reader's IP address.
 */
export function clientFingerprint(headers: HeaderSource): string {
  return createHash("sha256").update(clientIp(headers)).digest("base64url").slice(0, 22);
}
