// Which address a request comes from. Only our own HTTP server (scripts/launch/serve.ts) can know:
// it sees the socket, and it decides how far to believe X-Forwarded-For. It writes its answer into
// CLIENT_ADDRESS_HEADER, replacing anything a client sent under that name, and the app reads only
// that header (lib/http/client-ip.ts).
//
// TRUST_PROXY says who may speak for the client:
//   unset or 0   nobody: the socket's peer is the client, forwarding headers are ignored;
//   N (1-10)     the N nearest hops are our own proxies (1 = one load balancer in front);
//   CIDR list    hops inside these ranges are our proxies (e.g. 10.0.0.0/8,fd00::/8).
// Walking X-Forwarded-For from the right, every entry our proxies vouch for is skipped; the first
// one they do not vouch for is the client. An entry that is not an IP address ends the walk: the
// hop that wrote it is then the client as far as we can tell.
import { BlockList, isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-desk-client-address";

export type ProxyTrust =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; ranges: BlockList; source: string };

/** Parses TRUST_PROXY; throws with a readable message on anything else. */
export function parseProxyTrust(value: string | undefined): ProxyTrust {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text.toLowerCase() === "false") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error("TRUST_PROXY as a hop count must be between 0 and 10");
    return { kind: "hops", hops };
  }
  const ranges = new BlockList();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      ranges.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
      throw new Error(`TRUST_PROXY: "${entry}" has an invalid prefix length`);
    ranges.addSubnet(address, bits, type);
  }
  return { kind: "ranges", ranges, source: text };
}

/** A bare IP address in canonical form ("::ffff:1.2.3.4" → "1.2.3.4"), or null. */
export function normaliseAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "192.0.2.1:443": some proxies add the port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

function trusted(address: string, trust: ProxyTrust, hopIndex: number): boolean {
  if (trust.kind === "none") return false;
  if (trust.kind === "hops") return hopIndex < trust.hops;
  return trust.ranges.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address for a request that reached us from `socketAddress` carrying
 * `forwardedFor` (the X-Forwarded-For header, possibly repeated).
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: ProxyTrust,
): string {
  const peer = normaliseAddress(socketAddress) ?? "0.0.0.0";
  if (trust.kind === "none") return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  // Hops from the nearest: the socket's peer first, then X-Forwarded-For from right to left.
  const hops = [
    peer,
    ...entries
      .map((entry) => entry.trim())
      .filter(Boolean)
      .reverse(),
  ];
  let client = peer;
  for (let index = 0; index < hops.length; index++) {
    const address = index === 0 ? peer : normaliseAddress(hops[index]);
    if (address === null) break;
    client = address;
    if (!trusted(address, trust, index)) break;
  }
  return client;
}
