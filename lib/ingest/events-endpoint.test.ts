// The HTTP contract of POST /api/v1/events, exercised through the same handler the route uses.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createApiKeyRow } from "@/test/factories/api-keys";
import { loginAttemptEvent, otpDeliveryEvent } from "@/test/factories/events";
import { handleEventsRequest } from "./events-endpoint";
import { MAX_BODY_BYTES } from "./schemas";
import { refreshEnv } from "@/lib/env";

const URL = "http://desk.test/api/v1/events";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  return handleEventsRequest(
    new Request(URL, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
      duplex: "half",
    } as RequestInit),
  );
}

async function postBatch(
  key: string,
  events: unknown[],
  headers: Record<string, string> = {},
): Promise<Response> {
  return post(JSON.stringify({ events }), { authorization: `Bearer ${key}`, ...headers });
}

afterEach(() => {
  delete process.env.INGEST_RATE_LIMIT_PER_MINUTE;
  refreshEnv();
});

describe("POST /api/v1/events", () => {
  it("answers 200 with counts when every event is stored, 207 when some are rejected", async () => {
    const { key } = await createApiKeyRow();
    const good = [loginAttemptEvent(), otpDeliveryEvent()];
    const ok = await postBatch(key, good);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/json");
    expect(await ok.json()).toEqual({ accepted: 2, duplicates: 0, superseded: 0, rejected: [] });

    const mixed = await postBatch(key, [loginAttemptEvent(), { type: "login_attempt" }, ...good]);
    expect(mixed.status).toBe(207);
    const body = (await mixed.json()) as {
      accepted: number;
      duplicates: number;
      rejected: { index: number }[];
    };
    expect(body).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(body.rejected.map((rejection) => rejection.index)).toEqual([1]);
  });

  it("refuses missing, unknown and revoked keys with 401 and a WWW-Authenticate challenge", async () => {
    const events = [loginAttemptEvent()];
    const missing = await post(JSON.stringify({ events }));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="account-security-desk"');
    expect(((await missing.json()) as { code: string }).code).toBe("missing_api_key");

    for (const key of [
      "asd_abcdefgh_0000000000000000000000000000000000000000000",
      "nonsense",
      (await createApiKeyRow({ revoked: true })).key,
    ]) {
      const response = await postBatch(key, events);
      expect(response.status, key).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await getDb().loginAttempt.count({ where: { eventId: String(events[0]?.eventId) } })).toBe(0);
  });

  it("refuses a key without the events:write scope with 403", async () => {
    const { key } = await createApiKeyRow({ scopes: [] });
    const response = await postBatch(key, [loginAttemptEvent()]);
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
  });

  it("answers 415 for bodies that are not JSON and 400 for malformed JSON or a wrong shape", async () => {
    const { key } = await createApiKeyRow();
    const auth = { authorization: `Bearer ${key}` };
    expect(
      (await post("events=1", { ...auth, "content-type": "application/x-www-form-urlencoded" })).status,
    ).toBe(415);
    expect(
      (await post("{}", { ...auth, "content-type": "application/json", "content-encoding": "gzip" })).status,
    ).toBe(415);
    const cases: [string, string][] = [
      ['{"events": [', "invalid_json"],
      ["", "invalid_json"],
      ['{"events": {}}', "invalid_batch"],
      ['{"events": []}', "invalid_batch"],
      ["[1,2,3]", "invalid_batch"],
      [JSON.stringify({ events: new Array(1001).fill(loginAttemptEvent()) }), "invalid_batch"],
    ];
    for (const [body, code] of cases) {
      const response = await post(body, auth);
      expect(response.status, body.slice(0, 20)).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe(code);
    }
    // Not UTF-8.
    const latin1 = await post(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), auth);
    expect(latin1.status).toBe(400);
    // application/json with parameters and vendor +json types are JSON too.
    expect(
      (
        await post(JSON.stringify({ events: [loginAttemptEvent()] }), {
          ...auth,
          "content-type": "application/vnd.desk+json; charset=utf-8",
        })
      ).status,
    ).toBe(200);
  });

  it("answers 413 for a body over 1 MiB, from Content-Length or while streaming, without reading it all", async () => {
    const { key } = await createApiKeyRow();
    const auth = { authorization: `Bearer ${key}` };
    const declared = await post("{}", { ...auth, "content-length": String(MAX_BODY_BYTES + 1) });
    expect(declared.status).toBe(413);

    // A chunked upload with no Content-Length: the handler stops pulling after the limit.
    let pulled = 0;
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await post(endless, auth);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { code: string }).code).toBe("body_too_large");
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength);
  });

  it("limits requests per key with 429 and Retry-After, without affecting other keys", async () => {
    process.env.INGEST_RATE_LIMIT_PER_MINUTE = "2";
    refreshEnv();
    const busy = await createApiKeyRow();
    const calm = await createApiKeyRow();
    expect((await postBatch(busy.key, [loginAttemptEvent()])).status).toBe(200);
    expect((await postBatch(busy.key, [loginAttemptEvent()])).status).toBe(200);
    const limited = await postBatch(busy.key, [loginAttemptEvent()]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await postBatch(calm.key, [loginAttemptEvent()])).status).toBe(200);
  });

  it("neither reads nor sets cookies", async () => {
    const { key } = await createApiKeyRow();
    const response = await postBatch(key, [loginAttemptEvent()], {
      cookie: "next-auth.session-token=whatever",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const cookieOnly = await post(JSON.stringify({ events: [loginAttemptEvent()] }), {
      cookie: "next-auth.session-token=whatever",
    });
    expect(cookieOnly.status).toBe(401);
  });
});
