// Property-based tests (issue #8, fuzzing) of the route handlers that take a body: random methods'
// worth of headers, content types, sizes and hostile bodies, straight into the exported handlers
// with a real database. Never a 5xx, always a well-formed answer, and accepted text is stored as sent.
// Routes without a body, or behind a staff session, are fuzzed over HTTP in e2e/fuzz-http.spec.ts;
// the inventory test below fails when a route appears that neither file knows about.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { stripBidiControls } from "@/lib/forms/storable-text";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postFeedback } from "@/app/api/feedback/route";
import { POST as postSearchMiss } from "@/app/api/help/search-misses/route";
import { maskSearchQuery } from "@/lib/feedback/schemas";
import { handleEventsRequest } from "@/lib/ingest/events-endpoint";
import { createApiKeyRow } from "@/test/factories/api-keys";
import { loginAttemptEvent, otpDeliveryEvent } from "@/test/factories/events";
import { asUtf8, fieldValue, hostileRecord, hostileString, MARKUP_PAYLOADS } from "./hostile-input";

/** Every route handler file, and where it is fuzzed. */
const ROUTES: Record<string, string> = {
  "app/api/feedback/route.ts": "here: POST with hostile forms, bodies and headers",
  "app/api/help/search-misses/route.ts": "here: POST with hostile JSON, bodies and headers",
  "app/api/v1/events/route.ts":
    "here, through handleEventsRequest (the whole route): hostile batches, keys and headers",
  "app/api/health/route.ts": "e2e/fuzz-http.spec.ts: takes no input; every method and header over HTTP",
  "app/api/auth/[...nextauth]/route.ts": "e2e/fuzz-http.spec.ts: next-auth's endpoints over HTTP",
  "app/api/scam-reports/export/route.ts":
    "e2e/fuzz-http.spec.ts: needs a staff session; hostile query strings over HTTP",
  "app/console/(signed-in)/audit/export/route.ts":
    "e2e/fuzz-http.spec.ts: needs a staff session; hostile query strings over HTTP",
  "app/search-index.json/route.ts": "e2e/fuzz-http.spec.ts: static file; every method and header over HTTP",
  "app/api/v1/actions/route.ts": "e2e/fuzz-http.spec.ts: hostile keys and query strings over HTTP",
  "app/.well-known/jwks.json/route.ts":
    "e2e/fuzz-http.spec.ts: takes no input; every method and header over HTTP",
  "app/.well-known/ssf-configuration/route.ts":
    "e2e/fuzz-http.spec.ts: takes no input; every method and header over HTTP",
  "app/console/(signed-in)/customers/[customerId]/account-actions/route.ts":
    "e2e/fuzz-http.spec.ts: needs a staff session; hostile ids over HTTP",
  "app/console/(signed-in)/customers/[customerId]/caller-verification/route.ts":
    "e2e/fuzz-http.spec.ts: needs a staff session; hostile ids over HTTP",
};

const ARTICLE = "code-did-not-arrive";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

let database: pg.Client;
beforeAll(async () => {
  database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
});
afterAll(async () => {
  await database.end();
});

/** What a client would put in a form for a value (String() throws for some objects, such as { toString: "" }). */
function asFormValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
}

/** A different client address per request, so the per-client rate limits seldom get in the way. */
const clientAddress = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`);

const contentType = fc.oneof(
  fc.constantFrom(
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "multipart/form-data",
    "multipart/form-data; boundary=----x",
    "application/json",
    "application/problem+json",
    "text/plain",
    "",
  ),
  hostileString.map((value) => value.slice(0, 200)),
);

/** Bodies that are not the expected shape at all: random bytes, JSON, huge text. */
const rawBody = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  hostileString,
  fc.constantFrom("a=".padEnd(20_000, "b"), "x".repeat(2_000_000), "\u0000".repeat(1_000)),
);

/** Header values a crafted client might send (Headers refuses NUL, CR and LF, as HTTP does). */
// Header values are ByteStrings: keep Latin-1, minus NUL, CR and LF.
const headerValue = hostileString.map((value) =>
  [...value]
    .filter((char) => char.charCodeAt(0) <= 0xff && !"\u0000\r\n".includes(char))
    .join("")
    .slice(0, 500),
);

describe("route handlers under random and hostile requests", () => {
  it("every route handler in app/ is fuzzed here or over HTTP", () => {
    const routes = walk("app")
      .filter((file) => file.endsWith("/route.ts"))
      .toSorted();
    expect(routes).toEqual(Object.keys(ROUTES).toSorted());
  });

  it("POST /api/feedback: never a 5xx; JSON answers are action states, others a 303 to the result page; accepted comments stored as sent", async () => {
    // Mostly a valid vote with a hostile comment (to reach the database), sometimes hostile throughout.
    const form: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
      {
        weight: 3,
        arbitrary: fieldValue([]).map((comment) => ({ articleSlug: ARTICLE, helpful: "no", comment })),
      },
      {
        weight: 2,
        arbitrary: hostileRecord(["articleSlug", "helpful", "comment"], [ARTICLE, "yes", "no"]).map(
          (fields) => ({ articleSlug: ARTICLE, helpful: "no", ...fields }),
        ),
      },
    );
    const request = fc.record({
      address: clientAddress,
      json: fc.boolean(),
      body: fc.oneof(
        { weight: 4, arbitrary: form.map((fields) => ({ kind: "urlencoded" as const, fields })) },
        { weight: 2, arbitrary: form.map((fields) => ({ kind: "multipart" as const, fields })) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(contentType, rawBody)
            .map(([type, raw]) => ({ kind: "raw" as const, type, raw })),
        },
      ),
      lyingLength: fc.option(fc.constantFrom("0", "-1", "abc", "99999999999", "1e3"), { nil: undefined }),
      extraHeader: fc.option(headerValue, { nil: undefined }),
    });

    type FeedbackRequest = typeof request extends fc.Arbitrary<infer Value> ? Value : never;
    await fc.assert(
      fc.asyncProperty(request, async ({ address, json, body, lyingLength, extraHeader }) => {
        const headers = new Headers({ "x-desk-client-address": address });
        if (json) headers.set("accept", "application/json");
        if (lyingLength) headers.set("content-length", lyingLength);
        if (extraHeader !== undefined) headers.set("x-extra", extraHeader);
        let payload: BodyInit;
        let sentComment: unknown;
        if (body.kind === "raw") {
          payload = body.raw;
          headers.set("content-type", body.type.replace(/[^\u0020-\u00ff]/g, ""));
        } else {
          const values = Object.entries(body.fields).flatMap(([key, value]) =>
            (Array.isArray(value) ? (value as unknown[]) : [value]).map((item) => [key, asFormValue(item)]),
          );
          sentComment = body.fields.comment;
          if (body.kind === "urlencoded") {
            payload = new URLSearchParams(values).toString();
            headers.set("content-type", "application/x-www-form-urlencoded");
          } else {
            const formData = new FormData();
            for (const [key = "", value = ""] of values) formData.append(key, value);
            payload = formData;
          }
        }
        const response = await postFeedback(
          new Request("http://desk.test/api/feedback", { method: "POST", headers, body: payload }),
        );
        expect(response.status).toBeLessThan(500);
        if (json) {
          const state = (await response.json()) as { status: string; message?: string };
          expect(["ok", "invalid", "error"]).toContain(state.status);
          expect(typeof state.message).toBe("string");
        } else {
          expect(response.status).toBe(303);
          expect(response.headers.get("location")).toMatch(
            /^\/help\/feedback\?result=(thanks|invalid|unknown-article|rate-limited)(&|$)/,
          );
        }
        // A urlencoded comment arrives as sent (no line-break rewriting): it is stored trimmed, as text.
        if (
          response.status === 200 &&
          body.kind === "urlencoded" &&
          typeof sentComment === "string" &&
          sentComment.trim() !== ""
        ) {
          // Bidirectional controls are removed from all stored text (lib/forms/storable-text.ts).
          const expected = stripBidiControls(asUtf8(sentComment).replace(/\r\n/g, "\n")).trim();
          const stored = await database.query("SELECT 1 FROM article_feedback WHERE comment = $1", [
            expected,
          ]);
          expect(stored.rowCount).toBeGreaterThan(0);
        }
      }),
      {
        numRuns: 80,
        examples: [...MARKUP_PAYLOADS, "a\u0000b"].map((comment): [FeedbackRequest] => [
          {
            address: "10.0.0.1",
            json: true,
            body: { kind: "urlencoded", fields: { articleSlug: ARTICLE, helpful: "no", comment } },
            lyingLength: undefined,
            extraHeader: undefined,
          },
        ]),
      },
    );
    // The markup examples above were accepted and stored character for character.
    const markup = await database.query<{ comment: string }>(
      "SELECT DISTINCT comment FROM article_feedback WHERE comment = ANY($1)",
      [[...MARKUP_PAYLOADS]],
    );
    expect(markup.rows.map((row) => row.comment).toSorted()).toEqual([...MARKUP_PAYLOADS].toSorted());
  });

  it("POST /api/help/search-misses: never a 5xx; only 204, 400, 413 or 429; what is counted is masked text", async () => {
    const request = fc.record({
      address: clientAddress,
      body: fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .record({
              query: fc.oneof(hostileString, fc.constantFrom(...MARKUP_PAYLOADS)),
              outcome: fc.constantFrom("no-results", "no-click", "other"),
            })
            .map((fields) => ({ kind: "json" as const, fields })),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(contentType, rawBody)
            .map(([type, raw]) => ({ kind: "raw" as const, type, raw })),
        },
      ),
      privacy: fc.constantFrom(undefined, "sec-gpc", "dnt"),
      lyingLength: fc.option(fc.constantFrom("0", "-1", "abc", "99999999999"), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ address, body, privacy, lyingLength }) => {
        const headers = new Headers({ "x-desk-client-address": address });
        if (privacy) headers.set(privacy, "1");
        if (lyingLength) headers.set("content-length", lyingLength);
        let payload: BodyInit;
        if (body.kind === "raw") {
          payload = body.raw;
          headers.set("content-type", body.type.replace(/[^\u0020-\u00ff]/g, ""));
        } else {
          payload = JSON.stringify(body.fields);
          headers.set("content-type", "text/plain;charset=UTF-8");
        }
        const response = await postSearchMiss(
          new Request("http://desk.test/api/help/search-misses", { method: "POST", headers, body: payload }),
        );
        expect([204, 400, 413, 429]).toContain(response.status);
        if (
          response.status === 204 &&
          body.kind === "json" &&
          !privacy &&
          typeof body.fields.query === "string"
        ) {
          const masked = maskSearchQuery(stripBidiControls(asUtf8(body.fields.query)));
          const stored = await database.query("SELECT 1 FROM help_search_misses WHERE query = $1", [masked]);
          expect(stored.rowCount).toBeGreaterThan(0);
          expect(masked).not.toMatch(/[<>"]/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("POST /api/v1/events: never a 5xx; every answer is JSON; every event of a processed batch is accounted for", async () => {
    const { key } = await createApiKeyRow();
    const mutatedEvent = fc
      .tuple(
        fc.constantFrom(loginAttemptEvent, otpDeliveryEvent),
        hostileRecord(Object.keys({ ...loginAttemptEvent(), ...otpDeliveryEvent() }), [
          "login_attempt",
          "otp_delivery",
          "sms",
          "success",
        ]),
        fc.subarray(["customer", "eventId", "occurredAt", "sentAt", "ip", "identifier"]),
      )
      .map(([factory, changes, removed]) => {
        const event = factory();
        for (const field of removed) delete event[field];
        for (const field of Object.keys(changes))
          Object.defineProperty(event, field, {
            value: changes[field],
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return event;
      });
    const batch = fc.array(
      fc.oneof(
        { weight: 5, arbitrary: mutatedEvent },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      { minLength: 1, maxLength: 6 },
    );
    const request = fc.record({
      authorization: fc.oneof(
        { weight: 6, arbitrary: fc.constant(`Bearer ${key}`) },
        { weight: 1, arbitrary: headerValue },
        { weight: 1, arbitrary: headerValue.map((value) => `Bearer ${value}`) },
      ),
      type: fc.oneof(
        { weight: 6, arbitrary: fc.constant("application/json") },
        { weight: 1, arbitrary: contentType },
      ),
      encoding: fc.option(fc.constantFrom("gzip", "identity", "br, gzip", ""), { nil: undefined, freq: 8 }),
      body: fc.oneof(
        { weight: 6, arbitrary: batch.map((events) => JSON.stringify({ events })) },
        {
          weight: 1,
          arbitrary: fc
            .dictionary(hostileString, fieldValue([]), { maxKeys: 3 })
            .map((value) => JSON.stringify(value)),
        },
        { weight: 1, arbitrary: rawBody },
      ),
    });

    await fc.assert(
      fc.asyncProperty(request, async ({ authorization, type, encoding, body }) => {
        const headers = new Headers({ authorization, "content-type": type.replace(/[^\u0020-\u00ff]/g, "") });
        if (encoding !== undefined) headers.set("content-encoding", encoding);
        const response = await handleEventsRequest(
          new Request("http://desk.test/api/v1/events", {
            method: "POST",
            headers,
            body,
            duplex: "half",
          } as RequestInit),
        );
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get("content-type")).toMatch(/^application\/(problem\+)?json$/);
        const answer = (await response.json()) as {
          accepted?: number;
          duplicates?: number;
          rejected?: unknown[];
        };
        if (response.status === 200 || response.status === 207) {
          const sent = (JSON.parse(typeof body === "string" ? body : "{}") as { events: unknown[] }).events;
          expect((answer.accepted ?? 0) + (answer.duplicates ?? 0) + (answer.rejected?.length ?? 0)).toBe(
            sent.length,
          );
        }
      }),
      { numRuns: 80 },
    );
  });
});
