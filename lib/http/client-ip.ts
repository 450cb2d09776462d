// The client's address as the app can know it. Next.js sets X-Forwarded-For to the socket address
// only when the request has none, and a load balancer appends the address it saw. So the
// right-most entry is the one our own infrastructure vouches for; PROXY_HOPS skips further
// trusted proxies (CDN → load balancer). With no proxy in front, a client can forge the header:
// production runs behind one (docs/operations.md).
import { createHash } from "node:crypto";
import { env } from "@/lib/env";

type HeaderSource = { get(name: string): string | null };

export function clientIp(headers: HeaderSource): string {
  const hops = env().PROXY_HOPS;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const entry = chain[chain.length - 1 - hops] ?? chain[0];
  return normaliseIp(entry ?? "unknown");
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normaliseIp(ip: string): string {
  const trimmed = ip.slice(0, 64);
  return trimmed.startsWith("::ffff:") ? trimmed.slice(7) : trimmed;
}

/**
 * A stable, non-reversible handle for a client, for rate-limit keys on public forms: the desk has
 * no need to store a reader's IP address.
 */
export function clientFingerprint(headers: HeaderSource): string {
  return createHash("sha256").update(clientIp(headers)).digest("base64url").slice(0, 22);
}
