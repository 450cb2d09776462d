import { describe, expect, it } from "vitest";
import { normaliseAddress, parseProxyTrust, resolveClientAddress } from "./client-address";

const none = parseProxyTrust(undefined);

describe("client address", () => {
  it("believes no forwarding header by default: the socket's peer is the client", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", "<script>alert(1)</script>", none)).toBe("203.0.113.7");
    expect(parseProxyTrust("0")).toEqual({ kind: "none" });
    expect(parseProxyTrust("")).toEqual({ kind: "none" });
  });

  it("skips as many hops as TRUST_PROXY names, and no more", () => {
    const one = parseProxyTrust("1");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.1", one)).toBe("198.51.100.1");
    // A client that sends its own X-Forwarded-For cannot choose its address: the load balancer appends the real one.
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 198.51.100.1", one)).toBe("198.51.100.1");
    const two = parseProxyTrust("2");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 198.51.100.1, 10.0.0.9", two)).toBe("198.51.100.1");
    // Fewer hops than trusted: the leftmost one we have.
    expect(resolveClientAddress("10.0.0.2", undefined, two)).toBe("10.0.0.2");
  });

  it("trusts proxies by address range", () => {
    const ranges = parseProxyTrust("10.0.0.0/8, fd00::/8");
    expect(resolveClientAddress("10.1.2.3", "198.51.100.1, 10.9.9.9", ranges)).toBe("198.51.100.1");
    expect(resolveClientAddress("fd00::5", "2001:db8::1", ranges)).toBe("2001:db8::1");
    // The socket's peer is not one of ours: nothing it says is believed.
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", ranges)).toBe("203.0.113.9");
  });

  it("stops at an entry that is not an address, so text never becomes the address", () => {
    const one = parseProxyTrust("1");
    expect(resolveClientAddress("10.0.0.2", "<script>x</script>", one)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "unknown", one)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", ["198.51.100.1:5555"], one)).toBe("198.51.100.1");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::1]:443", one)).toBe("2001:db8::1");
  });

  it("normalises and validates addresses", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("999.1.1.1")).toBeNull();
    expect(normaliseAddress("a".repeat(1000))).toBeNull();
  });

  it("refuses a malformed TRUST_PROXY with a readable message", () => {
    expect(() => parseProxyTrust("11")).toThrow(/between 0 and 10/);
    expect(() => parseProxyTrust("office")).toThrow(/not an IP address/);
    expect(() => parseProxyTrust("10.0.0.0/40")).toThrow(/prefix/);
  });
});
