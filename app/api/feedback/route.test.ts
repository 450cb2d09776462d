// The route as a browser reaches it: a plain form post (no JavaScript) and the island's fetch.
import { describe, expect, it } from "vitest";
import { POST } from "./route";

let ip = 0;
function post(fields: Record<string, string>, init: { json?: boolean; ip?: string } = {}) {
  const headers: Record<string, string> = { "x-desk-client-address": init.ip ?? `198.51.100.${++ip}` };
  if (init.json) headers.accept = "application/json";
  return POST(
    new Request("http://localhost/api/feedback", {
      method: "POST",
      body: new URLSearchParams(fields),
      headers,
    }),
  );
}

describe("POST /api/feedback", () => {
  it("answers a form post with 303 to the thank-you page", async () => {
    const response = await post({ articleSlug: "backup-codes", helpful: "yes", comment: "" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/help/feedback?result=thanks&article=backup-codes");
  });

  it("sends a form post with a bad comment back with the field named", async () => {
    const response = await post({ articleSlug: "backup-codes", helpful: "yes", comment: "z".repeat(1200) });
    expect(response.headers.get("location")).toBe(
      "/help/feedback?result=invalid&article=backup-codes&fields=comment",
    );
  });

  it("answers the island with JSON and a status", async () => {
    const ok = await post({ articleSlug: "backup-codes", helpful: "no" }, { json: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok" });
    const bad = await post(
      { articleSlug: "backup-codes", helpful: "", comment: "x".repeat(1001) },
      { json: true },
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      status: "invalid",
      fieldErrors: { helpful: [expect.any(String)], comment: [expect.any(String)] },
    });
    const unknown = await post({ articleSlug: "nope", helpful: "yes" }, { json: true });
    expect(unknown.status).toBe(404);
  });

  it("answers a flood with 429 and Retry-After", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i++)
      last = await post({ articleSlug: "backup-codes", helpful: "yes" }, { json: true, ip: "203.0.113.99" });
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    const noJs = await post({ articleSlug: "backup-codes", helpful: "yes" }, { ip: "203.0.113.99" });
    expect(noJs.headers.get("location")).toContain("result=rate-limited");
  });

  it("refuses bodies that are not a form, or too big, without a 500", async () => {
    const notForm = await POST(
      new Request("http://localhost/api/feedback", {
        method: "POST",
        body: "{not json",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "x-desk-client-address": "198.51.100.250",
        },
      }),
    );
    expect(notForm.status).toBe(400);
    const big = await post(
      { articleSlug: "backup-codes", helpful: "yes", comment: "x".repeat(20_000) },
      { json: true },
    );
    expect(big.status).toBe(413);
  });
});
