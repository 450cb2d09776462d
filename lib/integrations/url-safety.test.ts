import { describe, expect, it } from "vitest";
import { postSigned } from "./http-post";
import { endpointUrlProblem, isInternalAddress } from "./url-safety";

describe("endpoint URLs in production", () => {
  const production = { allowPrivate: false };

  it.each([
    ["http://idp.example.com/hook", /https/],
    ["https://127.0.0.1/hook", /loopback or private/],
    ["https://10.1.2.3/hook", /loopback or private/],
    ["https://169.254.169.254/latest/meta-data", /loopback or private/],
    ["https://[::1]/hook", /loopback or private/],
    ["https://[::ffff:192.168.1.1]/hook", /loopback or private/],
    ["https://localhost/hook", /this machine/],
    ["https://user:pass@idp.example.com/hook", /credentials/],
    ["not a url", /full URL/],
    ["ftp://idp.example.com/hook", /https/],
  ])("refuses %s", (url, message) => {
    expect(endpointUrlProblem(url, production)).toMatch(message);
  });

  it("accepts a public https URL", () => {
    expect(endpointUrlProblem("https://idp.example.com/desk-events", production)).toBeNull();
  });

  it("accepts loopback http when private networks are allowed (development, the demo)", () => {
    expect(endpointUrlProblem("http://127.0.0.1:4010/desk-events", { allowPrivate: true })).toBeNull();
  });

  it("classifies addresses", () => {
    expect(isInternalAddress("8.8.8.8")).toBe(false);
    expect(isInternalAddress("2001:4860:4860::8888")).toBe(false);
    expect(isInternalAddress("192.168.0.10")).toBe(true);
    expect(isInternalAddress("fd00::1")).toBe(true);
    expect(isInternalAddress("not-an-ip")).toBe(true);
  });
});

describe("the address connected to is the address checked", () => {
  it("refuses a name that resolves to loopback at connection time (DNS rebinding)", async () => {
    // "localhost" passes no IP-literal check but resolves to 127.0.0.1: the lookup refuses it.
    await expect(
      postSigned("http://localhost:9/hook", "{}", {}, { allowPrivate: false, timeoutMs: 2_000 }),
    ).rejects.toThrow(/internal address/);
  });
});
