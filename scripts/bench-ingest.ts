// `npm run bench:ingest`: how fast the ingest API stores events, next to a raw bulk insert of the
// same rows into the same tables, in one run on one machine.
//
//   npm run bench:ingest -- [--events 200000] [--clients 4] [--batch 1000] [--rounds 4] [--skip-build] [--report-only]
//
// 1. Builds the app when .next is missing or older than the sources.
// 2. Starts the production server through the launcher on a free port, with a fresh embedded
//    PostgreSQL in .data/bench-ingest and no demo data, then writes 10,000 customers and an API key
//    straight into the database.
// 3. Generates the events (70% login attempts, 30% OTP deliveries; 90% for known customers, 5% for
//    customers the desk does not know yet, 5% credential stuffing against no account).
// 4. Raw: the same INSERT ... SELECT FROM unnest(...) statements the API sends, with the same
//    column arrays (lib/ingest/event-rows.ts), from `--clients` pg connections; customer ids are
//    resolved beforehand, untimed. The same events, with other ids ("raw-" instead of "api-").
// 5. API: `--clients` concurrent HTTP clients POST the batches (JSON prepared beforehand) with the
//    key; 429 and 5xx answers are retried after a pause, as a real sender would.
//    Raw and API alternate in `--rounds` rounds over one pair of tables, so both meet the same
//    table sizes and, on a shared machine, the same background load.
// 6. Verifies that every acknowledged event is stored exactly once, and that resending a batch
//    stores nothing and reports duplicates. Prints both rates and their ratio; exits 1 when a check
//    fails or (unless --report-only) a target is missed: API ≥ 50% of raw and ≥ 20,000 events/s.
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { generateApiKey } from "../lib/api-keys/key-material";
import {
  LOGIN_ATTEMPTS_INSERT_SQL,
  LOGIN_ATTEMPT_COLUMNS,
  OTP_DELIVERIES_INSERT_SQL,
  OTP_DELIVERY_COLUMNS,
  columnArrays,
  type CustomerIndex,
} from "../lib/ingest/event-rows";
import { validateEvent, type LoginAttemptEvent, type OtpDeliveryEvent } from "../lib/ingest/schemas";
import {
  buildIfNeeded,
  cpuBetween,
  databaseUrl as embeddedDatabaseUrl,
  freePort,
  sampleCpu,
  startServer,
  stopServer,
  type CpuSample,
} from "./bench-server";

const DATA_DIR = ".data/bench-ingest";
const CUSTOMERS = 10_000;
const TARGET_RATIO = 0.5;
const TARGET_RATE = 20_000;

const { values: options } = parseArgs({
  options: {
    events: { type: "string", default: "200000" },
    clients: { type: "string", default: "4" },
    batch: { type: "string", default: "1000" },
    rounds: { type: "string", default: "4" },
    "skip-build": { type: "boolean", default: false },
    "report-only": { type: "boolean", default: false },
  },
});
const EVENTS = Number(options.events);
const CLIENTS = Number(options.clients);
const BATCH = Number(options.batch);
const ROUNDS = Number(options.rounds);

function log(message: string): void {
  process.stdout.write(`[bench] ${message}\n`);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

/** Small deterministic PRNG (mulberry32), so every run sends the same mix. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const USER_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
];
const OUTCOMES = [
  "success",
  "wrong_password",
  "code_sent",
  "code_wrong",
  "code_expired",
  "locked",
  "blocked",
];
const PLACES = [
  { country: "GB", city: "London", latitude: 51.5072, longitude: -0.1276 },
  { country: "IE", city: "Dublin", latitude: 53.3498, longitude: -6.2603 },
  { country: "NL", city: "Amsterdam", latitude: 52.3676, longitude: 4.9041 },
];

function makeEvents(runTag: string, count = EVENTS): Record<string, unknown>[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const now = Date.now();
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    const customerNumber = Math.floor(next() * CUSTOMERS);
    const customer =
      roll < 0.9
        ? { externalId: `bench_cust_${customerNumber}` }
        : roll < 0.95
          ? { externalId: `bench_new_${i}` }
          : null;
    const at = new Date(now - Math.floor(next() * 7 * 86_400_000)).toISOString();
    const place = pick(PLACES);
    const ip = `198.51.100.${Math.floor(next() * 254) + 1}`;
    if (next() < 0.7) {
      events.push({
        type: "login_attempt",
        eventId: `${runTag}-la-${i}`,
        occurredAt: at,
        outcome: pick(OUTCOMES),
        factor: "password",
        ...(customer ? { customer } : {}),
        identifier: customer ? `user${customerNumber}@example.com` : `victim${i}@example.net`,
        flowId: `flow-${runTag}-${Math.floor(i / 3)}`,
        ip,
        ...place,
        deviceId: `dev-${customerNumber % 5000}`,
        userAgent: pick(USER_AGENTS),
      });
    } else {
      const sent = Date.parse(at);
      events.push({
        type: "otp_delivery",
        eventId: `${runTag}-otp-${i}`,
        sentAt: at,
        purpose: "sign_in",
        channel: "sms",
        customer: customer ?? { externalId: `bench_new_${i}` },
        destinationMasked: `+44 •••• ••• ${String(customerNumber % 1000).padStart(3, "0")}`,
        status: "delivered",
        expiresAt: new Date(sent + 300_000).toISOString(),
        flowId: `flow-${runTag}-${Math.floor(i / 3)}`,
        requestIp: ip,
        requestCountry: place.country,
        requestDeviceId: `dev-${customerNumber % 5000}`,
        requestUserAgent: pick(USER_AGENTS),
      });
    }
  }
  return events;
}

function batchesOf<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  return batches;
}

// ---------------------------------------------------------------------------------------------
// The two paths
// ---------------------------------------------------------------------------------------------

/** Runs `work` over the batches with `CLIENTS` workers pulling from one queue; returns seconds. */
async function timed<T>(batches: readonly T[], work: (batch: T) => Promise<void>): Promise<number> {
  let nextIndex = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const batch = batches[nextIndex++];
        if (batch === undefined) return;
        await work(batch);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

type RawBatch = { attempts: Buffer[] | null; deliveries: Buffer[] | null; size: number };

async function prepareRawBatches(
  db: pg.Client,
  batches: readonly Record<string, unknown>[][],
): Promise<RawBatch[]> {
  const { rows } = await db.query<{ id: string; external_id: string; email_normalized: string }>(
    "SELECT id, external_id, email_normalized FROM customers",
  );
  const customers: CustomerIndex = { byExternalId: new Map(), byEmail: new Map() };
  for (const row of rows) {
    customers.byExternalId.set(row.external_id, row.id);
    customers.byEmail.set(row.email_normalized, row.id);
  }
  return batches.map((batch) => {
    const attempts: LoginAttemptEvent[] = [];
    const deliveries: OtpDeliveryEvent[] = [];
    for (const raw of batch) {
      const result = validateEvent(raw);
      if (!result.ok) throw new Error(`generated an invalid event: ${JSON.stringify(result.errors)}`);
      if (result.event.type === "login_attempt") attempts.push(result.event);
      else deliveries.push(result.event);
    }
    return {
      attempts: attempts.length ? columnArrays(attempts, LOGIN_ATTEMPT_COLUMNS, customers) : null,
      deliveries: deliveries.length ? columnArrays(deliveries, OTP_DELIVERY_COLUMNS, customers) : null,
      size: batch.length,
    };
  });
}

async function runRaw(
  url: string,
  batches: readonly RawBatch[],
): Promise<{ seconds: number; stored: number }> {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  let stored = 0;
  try {
    const seconds = await timed(batches, async (batch) => {
      const [a, d] = await Promise.all([
        batch.attempts ? pool.query(LOGIN_ATTEMPTS_INSERT_SQL, batch.attempts) : null,
        batch.deliveries ? pool.query(OTP_DELIVERIES_INSERT_SQL, batch.deliveries) : null,
      ]);
      stored += (a?.rowCount ?? 0) + (d?.rowCount ?? 0);
    });
    return { seconds, stored };
  } finally {
    await pool.end();
  }
}

type ApiTotals = { accepted: number; duplicates: number; rejected: number; retries: number };

// node:http with a keep-alive agent and bodies encoded once: the load generator shares the two
// cores with the server and PostgreSQL, so it should cost as little as a sender can.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(
  endpoint: URL,
  key: string,
  body: Buffer,
): Promise<{ status: number; retryAfter: string | null; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      endpoint,
      {
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "content-length": String(body.byteLength),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers["retry-after"] ?? null,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function postBatch(endpoint: URL, key: string, body: Buffer, totals: ApiTotals): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const response = await post(endpoint, key, body);
    if (response.status === 200 || response.status === 207) {
      const result = JSON.parse(response.text) as {
        accepted: number;
        duplicates: number;
        rejected: unknown[];
      };
      totals.accepted += result.accepted;
      totals.duplicates += result.duplicates;
      totals.rejected += result.rejected.length;
      return;
    }
    if ((response.status === 429 || response.status >= 500) && attempt < 5) {
      totals.retries++;
      await new Promise((resolve) => setTimeout(resolve, Number(response.retryAfter ?? 1) * 1000));
      continue;
    }
    throw new Error(`POST /api/v1/events answered ${response.status}: ${response.text.slice(0, 300)}`);
  }
}

async function runApi(
  endpoint: URL,
  key: string,
  bodies: readonly Buffer[],
): Promise<{ seconds: number; totals: ApiTotals }> {
  const totals: ApiTotals = { accepted: 0, duplicates: 0, rejected: 0, retries: 0 };
  const seconds = await timed(bodies, (body) => postBatch(endpoint, key, body, totals));
  return { seconds, totals };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function countStored(db: pg.Client, ids: { attempts: string[]; deliveries: string[] }) {
  const { rows } = await db.query<{
    attempts: number;
    distinct_attempts: number;
    deliveries: number;
    distinct_deliveries: number;
    missing: number;
  }>(
    `SELECT (SELECT count(*)::int FROM login_attempts WHERE event_id LIKE 'api-%') AS attempts,
            (SELECT count(DISTINCT event_id)::int FROM login_attempts WHERE event_id LIKE 'api-%') AS distinct_attempts,
            (SELECT count(*)::int FROM otp_deliveries WHERE event_id LIKE 'api-%') AS deliveries,
            (SELECT count(DISTINCT event_id)::int FROM otp_deliveries WHERE event_id LIKE 'api-%') AS distinct_deliveries,
            (SELECT count(*)::int FROM unnest($1::text[]) AS u(event_id) WHERE NOT EXISTS (SELECT 1 FROM login_attempts a WHERE a.event_id = u.event_id))
          + (SELECT count(*)::int FROM unnest($2::text[]) AS u(event_id) WHERE NOT EXISTS (SELECT 1 FROM otp_deliveries o WHERE o.event_id = u.event_id)) AS missing`,
    [ids.attempts, ids.deliveries],
  );
  const row = rows[0];
  if (!row) throw new Error("no counts");
  return row;
}

async function main(): Promise<void> {
  if (
    !Number.isInteger(ROUNDS) ||
    ROUNDS < 1 ||
    !Number.isInteger(EVENTS) ||
    EVENTS < BATCH ||
    !Number.isInteger(CLIENTS) ||
    CLIENTS < 1 ||
    !Number.isInteger(BATCH) ||
    BATCH < 1 ||
    BATCH > 1000
  ) {
    throw new Error("--events must be at least --batch; --clients at least 1; --batch 1..1000");
  }
  buildIfNeeded(options["skip-build"], log);
  const port = await freePort();
  log(`Starting the production server on 127.0.0.1:${port} with a fresh embedded database ...`);
  const server = await startServer({ port, dataDir: DATA_DIR, env: { SEED_DEMO_DATA: "0" } });
  const failures: string[] = [];
  try {
    const db = new pg.Client({ connectionString: embeddedDatabaseUrl(DATA_DIR) });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO customers (external_id, full_name, name_key, email, email_normalized, country)
         SELECT 'bench_cust_' || g, 'Bench Customer ' || g, 'bench customer ' || g, 'user' || g || '@example.com', 'user' || g || '@example.com', 'GB'
           FROM generate_series(0, $1::int - 1) AS g`,
        [CUSTOMERS],
      );
      const material = generateApiKey();
      await db.query(
        `INSERT INTO api_keys (name, prefix, secret_hash, scopes) VALUES ('Benchmark', $1, $2, ARRAY['EVENTS_WRITE']::"ApiScope"[])`,
        [material.prefix, material.secretHash],
      );

      // The same events twice: with "api-" ids for the API, "raw-" ids for the raw insert.
      const events = makeEvents("api");
      const ids = {
        attempts: events
          .filter((event) => event.type === "login_attempt")
          .map((event) => String(event.eventId)),
        deliveries: events
          .filter((event) => event.type === "otp_delivery")
          .map((event) => String(event.eventId)),
      };
      const batches = batchesOf(events);
      const bodies = batches.map((batch) => Buffer.from(JSON.stringify({ events: batch })));
      const rawBatches = await prepareRawBatches(db, batchesOf(makeEvents("raw")));
      const endpoint = new URL(`http://127.0.0.1:${port}/api/v1/events`);
      const averageKb = bodies.reduce((sum, body) => sum + body.byteLength, 0) / bodies.length / 1024;
      log(
        `${fmt(EVENTS)} events (${fmt(ids.attempts.length)} login attempts, ${fmt(ids.deliveries.length)} OTP deliveries), ` +
          `${batches.length} batches of ${BATCH} (${averageKb.toFixed(0)} KiB of JSON each), ${CLIENTS} concurrent clients, ` +
          `${ROUNDS} alternating rounds, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`,
      );

      // Warm-up (JIT, connection pools, caches) with other event ids, then empty tables.
      const warmUp = batchesOf(makeEvents("warmup", Math.min(EVENTS, 10 * BATCH)));
      await runRaw(embeddedDatabaseUrl(DATA_DIR), await prepareRawBatches(db, warmUp));
      await runApi(
        endpoint,
        material.key,
        warmUp.map((batch) => Buffer.from(JSON.stringify({ events: batch }))),
      );
      await db.query("TRUNCATE login_attempts, otp_deliveries");
      await db.query("VACUUM ANALYZE login_attempts, otp_deliveries");

      // Rounds alternate raw and API (and which goes first), so both meet the same table sizes and,
      // on a shared machine, the same background load.
      const raw = { seconds: 0, stored: 0 };
      const api = { seconds: 0, totals: { accepted: 0, duplicates: 0, rejected: 0, retries: 0 } };
      const rawCpu: CpuSample = { server: 0, postgres: 0, bench: 0 };
      const apiCpu: CpuSample = { server: 0, postgres: 0, bench: 0 };
      const addCpu = (total: CpuSample, part: CpuSample) => {
        total.server += part.server;
        total.postgres += part.postgres;
        total.bench += part.bench;
      };
      const perRound = Math.ceil(batches.length / ROUNDS);
      for (let round = 0; round < ROUNDS; round++) {
        const slice = [round * perRound, (round + 1) * perRound] as const;
        const runRawRound = async () => {
          const before = sampleCpu(server, DATA_DIR);
          const result = await runRaw(embeddedDatabaseUrl(DATA_DIR), rawBatches.slice(...slice));
          addCpu(rawCpu, cpuBetween(before, sampleCpu(server, DATA_DIR)));
          raw.seconds += result.seconds;
          raw.stored += result.stored;
          return result.seconds;
        };
        const runApiRound = async () => {
          const before = sampleCpu(server, DATA_DIR);
          const result = await runApi(endpoint, material.key, bodies.slice(...slice));
          addCpu(apiCpu, cpuBetween(before, sampleCpu(server, DATA_DIR)));
          api.seconds += result.seconds;
          for (const key of ["accepted", "duplicates", "rejected", "retries"] as const)
            api.totals[key] += result.totals[key];
          return result.seconds;
        };
        let rawSeconds: number;
        let apiSeconds: number;
        if (round % 2 === 0) {
          rawSeconds = await runRawRound();
          apiSeconds = await runApiRound();
        } else {
          apiSeconds = await runApiRound();
          rawSeconds = await runRawRound();
        }
        log(`  round ${round + 1}/${ROUNDS}: raw ${rawSeconds.toFixed(2)} s, API ${apiSeconds.toFixed(2)} s`);
      }
      const rawRate = EVENTS / raw.seconds;
      const apiRate = EVENTS / api.seconds;
      log(
        `Raw pg bulk insert: ${fmt(rawRate)} events/s (${raw.seconds.toFixed(2)} s, ${fmt(raw.stored)} rows)`,
      );
      log(
        `API: ${fmt(apiRate)} events/s (${api.seconds.toFixed(2)} s; accepted ${fmt(api.totals.accepted)}, duplicates ${api.totals.duplicates}, ` +
          `rejected ${api.totals.rejected}, retried requests ${api.totals.retries})`,
      );
      if (raw.stored !== EVENTS) failures.push(`raw insert stored ${raw.stored} of ${EVENTS} rows`);
      const perThousand = (seconds: number) => `${((seconds * 1000 * 1000) / EVENTS).toFixed(1)} ms`;
      const cpuLine = (cpu: CpuSample) =>
        `app server ${perThousand(cpu.server)}, PostgreSQL ${perThousand(cpu.postgres)}, sender ${perThousand(cpu.bench)}`;

      const stored = await countStored(db, ids);
      const exactlyOnce =
        stored.attempts === ids.attempts.length &&
        stored.distinct_attempts === stored.attempts &&
        stored.deliveries === ids.deliveries.length &&
        stored.distinct_deliveries === stored.deliveries &&
        stored.missing === 0 &&
        api.totals.accepted === EVENTS;
      if (!exactlyOnce)
        failures.push(
          `stored rows do not match the acknowledged events: ${JSON.stringify({ stored, totals: api.totals })}`,
        );

      // Idempotency under the same server: resend three batches at once, twice each.
      const resend = { accepted: 0, duplicates: 0, rejected: 0, retries: 0 };
      await Promise.all(
        [...bodies.slice(0, 3), ...bodies.slice(0, 3)].map((body) =>
          postBatch(endpoint, material.key, body, resend),
        ),
      );
      const resentEvents = batches.slice(0, 3).reduce((sum, batch) => sum + batch.length, 0) * 2;
      if (resend.accepted !== 0 || resend.duplicates !== resentEvents)
        failures.push(`resending stored something: ${JSON.stringify(resend)}`);
      const after = await countStored(db, ids);
      if (after.attempts !== stored.attempts || after.deliveries !== stored.deliveries)
        failures.push("resending added rows");

      const ratio = apiRate / rawRate;
      const ratioOk = ratio >= TARGET_RATIO;
      const rateOk = apiRate >= TARGET_RATE;
      process.stdout.write(
        [
          "",
          "Ingest benchmark",
          `  raw pg bulk insert (same unnest SQL, same rows): ${fmt(rawRate).padStart(9)} events/s`,
          `  API POST /api/v1/events (HTTP, auth, JSON, validation, customer lookup, insert): ${fmt(apiRate).padStart(9)} events/s`,
          `  API / raw: ${(ratio * 100).toFixed(1)}%`,
          `  CPU per 1,000 events, raw: ${cpuLine(rawCpu)}`,
          `  CPU per 1,000 events, API: ${cpuLine(apiCpu)}`,
          `  target API >= ${TARGET_RATIO * 100}% of raw: ${ratioOk ? "met" : "MISSED"}`,
          `  target API >= ${fmt(TARGET_RATE)} events/s: ${rateOk ? "met" : "MISSED"}`,
          `  every acknowledged event stored exactly once: ${exactlyOnce ? "yes" : "NO"} (${fmt(stored.attempts + stored.deliveries)} rows, ${stored.missing} missing)`,
          `  resent batches stored nothing: ${resend.accepted === 0 && resend.duplicates === resentEvents ? "yes" : "NO"} (${fmt(resend.duplicates)} duplicates reported)`,
          "",
        ].join("\n"),
      );
      if (!options["report-only"]) {
        if (!ratioOk)
          failures.push(`API reached ${(ratio * 100).toFixed(1)}% of raw (target ${TARGET_RATIO * 100}%)`);
        if (!rateOk) failures.push(`API reached ${fmt(apiRate)} events/s (target ${fmt(TARGET_RATE)})`);
      }
    } finally {
      await db.end();
    }
  } finally {
    await stopServer(server, DATA_DIR);
  }
  if (failures.length) {
    for (const failure of failures) process.stderr.write(`[bench] FAILED: ${failure}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
