import { afterEach, describe, expect, it } from "vitest";
import { crossSiteRefusal, isCrossSiteRequest } from "./cross-site";
import { refreshEnv } from "@/lib/env";

function request(headers: Record<string, string>, url = "http://127.0.0.1:3000/api/feedback"): Request {
  return new Request(url, { method: "POST", headers });
}

afterEach(() => {
  delete process.env.APP_URL;
  refreshEnv();
});

describe("isCrossSiteRequest", () => {
  it("trusts Sec-Fetch-Site first: same-origin and none pass, same-site and cross-site do not", () => {
    expect(isCrossSiteRequest(request({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(request({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSiteRequest(request({ "sec-fetch-site": "same-site" }))).toBe(true);
    expect(
      isCrossSiteRequest(request({ "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3000" })),
    ).toBe(true);
  });

  it("falls back to Origin, which must be the request's own origin or APP_URL's", () => {
    expect(isCrossSiteRequest(request({ origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(isCrossSiteRequest(request({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(request({ origin: "null" }))).toBe(true);
    expect(isCrossSiteRequest(request({ origin: "https://desk.example.com" }))).toBe(true);
    process.env.APP_URL = "https://desk.example.com/";
    refreshEnv();
    expect(isCrossSiteRequest(request({ origin: "https://desk.example.com" }))).toBe(false);
  });

  it("compares with the host the request was sent to, as Next does for server actions", () => {
    // Next may build request.url from its own listen address while the client used another name.
    const url = "http://localhost:3301/report";
    expect(
      isCrossSiteRequest(request({ origin: "http://127.0.0.1:3301", host: "127.0.0.1:3301" }, url)),
    ).toBe(false);
    expect(
      isCrossSiteRequest(
        request(
          {
            origin: "https://desk.example.com",
            host: "10.0.0.5:3000",
            "x-forwarded-host": "desk.example.com",
          },
          url,
        ),
      ),
    ).toBe(false);
    expect(isCrossSiteRequest(request({ origin: "https://evil.example", host: "127.0.0.1:3301" }, url))).toBe(
      true,
    );
    expect(
      isCrossSiteRequest(request({ origin: "http://127.0.0.1:3302", host: "127.0.0.1:3301" }, url)),
    ).toBe(true);
  });

  it("lets non-browser clients (neither header) through: they carry no victim's cookies", () => {
    expect(isCrossSiteRequest(request({}))).toBe(false);
  });

  it("refuses with a 403 problem document", async () => {
    const response = crossSiteRefusal();
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 403, title: "Cross-site request refused" });
  });
});
