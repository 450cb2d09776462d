// Where the desk may send account actions. An endpoint URL is admin input that makes the server
// open connections, so it is a server-side request forgery risk: in production an endpoint must be
// https and must not reach loopback, private, link-local (cloud metadata) or other internal
// ranges. The name is checked when the endpoint is saved, and again for every connection on the
// address the socket really connects to (guardedLookup), so a DNS answer that changes after the
// check (rebinding) cannot point a delivery inside the network.
import { BlockList, isIP } from "node:net";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";

const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, where cloud metadata services answer
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  INTERNAL.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8],
] as const)
  INTERNAL.addSubnet(network, prefix, "ipv6");

/** True for an address a production delivery must never connect to. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL.check(address, "ipv4");
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1) is checked as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return INTERNAL.check(mapped[1], "ipv4");
    return INTERNAL.check(address, "ipv6");
  }
  return true; // not an address at all: refuse
}

/**
 * The shape rules of an endpoint URL, with the reason it is refused (null when it is acceptable).
 * Names that resolve inside the network are caught at connection time by guardedLookup.
 */
export function endpointUrlProblem(raw: string, { allowPrivate }: { allowPrivate: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, such as https://idp.example.com/desk-events.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https://.";
  if (url.username || url.password) return "Put credentials in the signing secret, not in the URL.";
  if (url.hash) return "The URL must not have a #fragment.";
  if (allowPrivate) return null;
  if (url.protocol !== "https:") return "The URL must use https:// in production.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal"))
    return "The URL must not point at this machine or an internal name.";
  if (isIP(host) && isInternalAddress(host))
    return "The URL points at a loopback or private address, which production refuses.";
  return null;
}

/**
 * A DNS lookup for http(s).request that fails the connection when the name resolves to an internal
 * address: the check is made on the very address the socket connects to.
 */
export function guardedLookup({ allowPrivate }: { allowPrivate: boolean }): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const usable = allowPrivate
        ? addresses
        : addresses.filter((entry) => !isInternalAddress(entry.address));
      if (usable.length === 0) {
        const refused = Object.assign(new Error(`${hostname} resolves to an internal address; refused.`), {
          code: "EADDRNOTALLOWED",
        });
        return callback(refused, "", 0);
      }
      if (options.all) return callback(null, usable);
      const [first] = usable;
      return callback(null, first?.address ?? "", first?.family ?? 4);
    });
  };
}
