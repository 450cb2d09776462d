// POST /api/v1/events through the running production server: the HTTP contract of docs/ingest-api.md
// (status codes, problem documents, idempotency, body limit) as a real client meets it, and the
// stored events as staff see them in the console.
//
// Keys are written straight into the database (the same key material the console uses) rather than
// created through the console: these tests are about the API, they need keys the form cannot make
// (one without the events:write scope, one already revoked), and every key made through the form
// costs a sign-in and a step-up, each waiting for a fresh authenticator step. Creating and
// revoking a key through the console, and the API's answer to both, is e2e/api-keys.spec.ts.
import http from "node:http";
import { expect, test, type APIRequestContext, type APIResponse } from "./support/test";
import { generateApiKey } from "../lib/api-keys/key-material";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { loginAttemptEvent, otpDeliveryEvent, uniqueTag, type WireEvent } from "../test/factories/events";
import { withE2eDatabase } from "./support/db";
import { signIn } from "./support/staff";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const ENDPOINT = "/api/v1/events";
const MAX_BODY_BYTES = 1_048_576;
const olivia = STORY_CUSTOMERS.otpBombing;

type Outcome = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; eventId?: string; errors: { field: string; message: string }[] }[];
};
type ProblemDocument = {
  type: string;
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
};

/** An API key row as an admin's "Create key" would write it: only the prefix and the hash are stored. */
async function insertApiKey(
  name: string,
  options: { scopes?: string[]; revoked?: boolean } = {},
): Promise<string> {
  const material = generateApiKey();
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO api_keys (name, prefix, secret_hash, scopes, revoked_at) VALUES ($1, $2, $3, $4::"ApiScope"[], $5)`,
      [
        name,
        material.prefix,
        material.secretHash,
        options.scopes ?? ["EVENTS_WRITE"],
        options.revoked ? new Date() : null,
      ],
    ),
  );
  return material.key;
}

/** How many rows each event id has, over both event tables (ids are unique per table). */
async function storedRows(eventIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await withE2eDatabase((db) =>
    db.query<{ event_id: string; rows: number }>(
      `SELECT event_id, count(*)::int AS rows FROM (
         SELECT event_id FROM login_attempts WHERE event_id = ANY($1::text[])
         UNION ALL SELECT event_id FROM otp_deliveries WHERE event_id = ANY($1::text[])
       ) AS stored GROUP BY event_id`,
      [eventIds],
    ),
  );
  return new Map(rows.map((row) => [row.event_id, row.rows]));
}

const eventIdOf = (event: WireEvent) => String(event.eventId);

/** Posts a raw body with a key; the API must neither need nor set cookies, on any answer. */
async function post(
  request: APIRequestContext,
  key: string | null,
  body: string | Buffer,
  contentType = "application/json",
): Promise<APIResponse> {
  const response = await request.post(ENDPOINT, {
    headers: { "content-type": contentType, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    // A Buffer goes out byte for byte; a string with a JSON content type that is not valid JSON
    // would be JSON-encoded by Playwright first (and arrive as a valid JSON string).
    data: typeof body === "string" ? Buffer.from(body, "utf8") : body,
  });
  expect(
    response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie"),
    `Set-Cookie on a ${response.status()} answer`,
  ).toEqual([]);
  return response;
}

const postBatch = (request: APIRequestContext, key: string | null, events: readonly unknown[]) =>
  post(request, key, JSON.stringify({ events }));

async function expectProblem(response: APIResponse, status: number, code: string): Promise<ProblemDocument> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  const problem = (await response.json()) as ProblemDocument;
  expect(problem).toMatchObject({ type: "about:blank", status, code });
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
}

async function expectServerHealthy(request: APIRequestContext, key: string): Promise<void> {
  expect((await request.get("/api/health")).status()).toBe(200);
  const probe = loginAttemptEvent();
  const response = await postBatch(request, key, [probe]);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, superseded: 0, rejected: [] });
}

// A mixed batch for Olivia Bennett (a demo customer): a sign-in attempt and the code it sent, one
// flow, between three bad events. Shared by the first two tests: the second resends it.
const tag = uniqueTag();
const flowId = `flow_e2e_${tag}`;
const deviceId = `dev_e2e_${tag}`;
const goodAttempt = loginAttemptEvent({
  eventId: `la_e2e_${tag}`,
  outcome: "code_sent",
  customer: { externalId: olivia.externalId },
  identifier: olivia.email,
  flowId,
  deviceId,
  ip: "198.51.100.77",
  city: "Lisbon",
  country: "PT",
  latitude: 38.7223,
  longitude: -9.1393,
});
const badIp = loginAttemptEvent({
  eventId: `la_e2e_bad_ip_${tag}`,
  customer: { externalId: olivia.externalId },
  ip: "999.1.2.3",
});
const goodDelivery = otpDeliveryEvent({
  eventId: `otp_e2e_${tag}`,
  customer: { externalId: olivia.externalId },
  flowId,
  destinationMasked: "+44 •••• ••• 987",
});
// Support never handles one-time codes: an event carrying one is refused whole.
const withCode = otpDeliveryEvent({
  eventId: `otp_e2e_code_${tag}`,
  customer: { externalId: olivia.externalId },
  code: "482913",
});
const unknownType = { type: "password_changed", eventId: `pc_e2e_${tag}` };
const mixedBatch = [goodAttempt, badIp, goodDelivery, withCode, unknownType];

let key = "";
test.beforeAll(async () => {
  key = await insertApiKey(`Identity system e2e ${tag}`);
});

test("a mixed batch answers 207, names each bad event by index and field, and the good events show on the customer's pages", async ({
  request,
  page,
}) => {
  const response = await postBatch(request, key, mixedBatch);
  expect(response.status()).toBe(207);
  expect(response.headers()["content-type"]).toBe("application/json");
  const outcome = (await response.json()) as Outcome;
  expect(outcome).toMatchObject({ accepted: 2, duplicates: 0 });
  expect(outcome.rejected.map((rejection) => rejection.index)).toEqual([1, 3, 4]);
  const [ipRejection, codeRejection, typeRejection] = outcome.rejected;
  expect(ipRejection).toEqual({
    index: 1,
    eventId: eventIdOf(badIp),
    errors: [{ field: "ip", message: "Not a valid IPv4 or IPv6 address." }],
  });
  expect(codeRejection?.eventId).toBe(eventIdOf(withCode));
  expect(codeRejection?.errors).toEqual([
    expect.objectContaining({
      field: "code",
      message: expect.stringMatching(/Never send the one-time code/),
    }),
  ]);
  expect(typeRejection?.errors).toEqual([expect.objectContaining({ field: "type" })]);

  const stored = await storedRows(mixedBatch.map(eventIdOf));
  expect(Object.fromEntries(stored)).toEqual({ [eventIdOf(goodAttempt)]: 1, [eventIdOf(goodDelivery)]: 1 });
  const customerId = await withE2eDatabase(async (db) => {
    const attempt = await db.query<{ customer_id: string | null }>(
      "SELECT customer_id FROM login_attempts WHERE event_id = $1",
      [eventIdOf(goodAttempt)],
    );
    const customer = await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [
      olivia.externalId,
    ]);
    expect(attempt.rows[0]?.customer_id).toBe(customer.rows[0]?.id);
    return customer.rows[0]?.id ?? "";
  });

  // What staff see: the attempt on Olivia's timeline, and on its page the code of the same flow.
  await signIn(page, DEMO_STAFF.supervisor, `/console/customers/${customerId}/attempts?device=${deviceId}`);
  const timeline = page.getByTestId("attempts-table");
  await expect(timeline.getByRole("row")).toHaveCount(2); // the header and the ingested attempt
  await expect(timeline).toContainText("198.51.100.77");
  await expect(timeline).toContainText("Lisbon, PT");
  await timeline.getByRole("link").first().click();
  const detail = page.getByTestId("attempt-detail");
  await expect(detail).toContainText(eventIdOf(goodAttempt));
  await expect(detail).toContainText(flowId);
  await expect(page.getByTestId("deliveries-table")).toContainText("+44 •••• ••• 987");
});

test("the same batch sent again stores nothing twice: the good events count as duplicates, the bad ones are refused again", async ({
  request,
}) => {
  const response = await postBatch(request, key, mixedBatch);
  expect(response.status()).toBe(207);
  const outcome = (await response.json()) as Outcome;
  expect(outcome).toMatchObject({ accepted: 0, duplicates: 2 });
  expect(outcome.rejected.map((rejection) => rejection.index)).toEqual([1, 3, 4]);
  const stored = await storedRows(mixedBatch.map(eventIdOf));
  expect(Object.fromEntries(stored)).toEqual({ [eventIdOf(goodAttempt)]: 1, [eventIdOf(goodDelivery)]: 1 });
});

test("the same batch sent twice at the same moment stores each event once", async ({ request }) => {
  const events = Array.from({ length: 400 }, (_, index) =>
    index % 3 === 0 ? otpDeliveryEvent() : loginAttemptEvent(),
  );
  const [first, second] = await Promise.all([
    postBatch(request, key, events),
    postBatch(request, key, events),
  ]);
  expect([first.status(), second.status()]).toEqual([200, 200]);
  const outcomes = [(await first.json()) as Outcome, (await second.json()) as Outcome];
  for (const outcome of outcomes) {
    expect(outcome.rejected).toEqual([]);
    expect(outcome.accepted + outcome.duplicates).toBe(events.length);
  }
  // Between them, every event was stored exactly once and reported as a duplicate exactly once.
  const total = (count: (outcome: Outcome) => number) =>
    outcomes.reduce((sum, outcome) => sum + count(outcome), 0);
  expect(total((outcome) => outcome.accepted)).toBe(events.length);
  expect(total((outcome) => outcome.duplicates)).toBe(events.length);
  const stored = await storedRows(events.map(eventIdOf));
  expect(stored.size).toBe(events.length);
  expect([...stored.values()].every((rows) => rows === 1)).toBe(true);
});

test("overlapping batches in opposite orders at the same moment store each event once, and none gets a 5xx", async ({
  request,
}) => {
  // Before the INSERTs wrote rows in event-id order, these deadlocked in PostgreSQL now and then
  // and one client got a 503 (the deterministic check is in lib/ingest/write-events.test.ts).
  for (let round = 0; round < 3; round++) {
    const events = Array.from({ length: 600 }, (_, index) =>
      index % 3 === 0 ? otpDeliveryEvent() : loginAttemptEvent(),
    );
    const reversed = [...events].reverse();
    const responses = await Promise.all(
      [events, reversed, events, reversed].map((batch) => postBatch(request, key, batch)),
    );
    expect(responses.map((response) => response.status())).toEqual([200, 200, 200, 200]);
    const outcomes = (await Promise.all(responses.map((response) => response.json()))) as Outcome[];
    expect(outcomes.reduce((sum, outcome) => sum + outcome.accepted, 0)).toBe(events.length);
    const stored = await storedRows(events.map(eventIdOf));
    expect(stored.size).toBe(events.length);
    expect([...stored.values()].every((rows) => rows === 1)).toBe(true);
  }
});

test("a body over 1 MiB is refused with 413, declared or streamed, and the server carries on", async ({
  request,
  baseURL,
}) => {
  const probe = loginAttemptEvent();
  // Valid JSON with one event, padded past the limit: only its size is wrong.
  const padded = JSON.stringify({ events: [probe], padding: "x".repeat(MAX_BODY_BYTES) });
  const declared = await post(request, key, padded);
  const problem = await expectProblem(declared, 413, "body_too_large");
  expect(problem.detail).toContain("1,048,576 bytes");

  // Chunked, so there is no Content-Length to check: the server must count while reading.
  const streamed = await postChunked(`${baseURL ?? ""}${ENDPOINT}`, key, 3 * MAX_BODY_BYTES);
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body)).toMatchObject({ status: 413, code: "body_too_large" });

  expect((await storedRows([eventIdOf(probe)])).size).toBe(0);
  await expectServerHealthy(request, key);
});

test("malformed JSON and a wrong envelope are 400 problem documents that say what is wrong", async ({
  request,
}) => {
  const malformed = await post(request, key, '{"events": [{"type": "login_attempt",');
  const problem = await expectProblem(malformed, 400, "invalid_json");
  expect(problem.detail).toMatch(/not valid JSON/);

  const notUtf8 = await post(request, key, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
  await expectProblem(notUtf8, 400, "invalid_json");

  const empty = await postBatch(request, key, []);
  const envelope = await expectProblem(empty, 400, "invalid_batch");
  expect(envelope.errors).toEqual([expect.objectContaining({ field: "events" })]);

  const wrongType = await post(request, key, JSON.stringify({ events: [loginAttemptEvent()] }), "text/plain");
  await expectProblem(wrongType, 415, "unsupported_media_type");
});

test("a missing, unknown or revoked key is 401 and a key without events:write is 403; none of them stores anything", async ({
  request,
}) => {
  const event = loginAttemptEvent();
  const missing = await expectProblem(await postBatch(request, null, [event]), 401, "missing_api_key");
  expect(missing.detail).toMatch(/Authorization: Bearer/);

  // Well-formed, but no such key: a new key's material that was never stored.
  const unknown = await postBatch(request, generateApiKey().key, [event]);
  await expectProblem(unknown, 401, "invalid_api_key");
  expect(unknown.headers()["www-authenticate"]).toContain('error="invalid_token"');

  const mistyped = await postBatch(request, `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`, [event]);
  await expectProblem(mistyped, 401, "invalid_api_key");

  const revoked = await insertApiKey(`Revoked e2e ${tag}`, { revoked: true });
  await expectProblem(await postBatch(request, revoked, [event]), 401, "invalid_api_key");

  const unscoped = await insertApiKey(`No scope e2e ${tag}`, { scopes: [] });
  const forbidden = await postBatch(request, unscoped, [event]);
  await expectProblem(forbidden, 403, "insufficient_scope");
  expect(forbidden.headers()["www-authenticate"]).toContain('scope="events:write"');

  expect((await storedRows([eventIdOf(event)])).size).toBe(0);
});

/**
 * Streams `totalBytes` of a JSON body with chunked transfer encoding (no Content-Length) and
 * returns the server's answer. The server may stop reading and answer early; writes after that
 * are allowed to fail, what counts is that the answer reaches the client.
 */
function postChunked(
  url: string,
  apiKey: string,
  totalBytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${apiKey}`,
        "content-type": "application/json",
        "transfer-encoding": "chunked",
      },
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", reject);
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    // One JSON string that never ends, 64 KiB at a time: only its size can be wrong.
    request.write('{"events":[],"padding":"');
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const writeMore = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", writeMore);
          return;
        }
      }
      if (!answered) request.end('"}');
    };
    writeMore();
  });
}
