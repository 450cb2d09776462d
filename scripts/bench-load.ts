// `npm run bench:load`: the production server under steady concurrent load (autocannon), one
// scenario after another, each for a fixed time.
//
//   npm run bench:load -- [--duration 30] [--connections 50] [--only help|search|console|ingest]
//                         [--batch 100] [--port N] [--instances 1] [--warm-up 15] [--skip-build]
//                         [--strict]
//
// 1. Builds the app when .next is missing or older than the sources (bench-server.ts).
// 2. Starts the production server through the launcher with a fresh embedded PostgreSQL in
//    .data/bench-load and the demo data, so the console page shows a realistic customer. Limits
//    that are not what is measured are raised (sign-ins from one address, ingest requests per key
//    per minute); the output says so.
// 3. Scenarios, `--connections` connections for `--duration` seconds each, after a warm-up of
//    `--warm-up` seconds with 4 connections. The warm-up is long enough for V8 to have compiled the
//    hot code: a server runs for days, and on the customer page the first ten seconds cost ~35 %
//    more CPU per view than the steady state (docs/performance/console-speed.md).
//    help    a help article (statically generated at build time)
//    search  the search page, /search?q=code
//    console the customer page of the OTP-bombing demo customer, signed in as the demo agent over
//            HTTP. Every view is real work: the session check against the database (and its
//            once-a-minute lastSeenAt touch) and one audit event per view, appended to the single
//            hash chain under its advisory lock.
//    ingest  POST /api/v1/events with an API key; every request is a batch of `--batch` events
//            whose event ids are generated per request, and the bench records which batches were
//            acknowledged (2xx).
//    With --instances N (2..4), N app instances share that database behind one port: a TCP round
//    robin in this process hands each new connection to the next instance (the way a load balancer
//    without stickiness would), and the CPU figures add up all instances.
// 4. Prints requests/s, p50/p95/p99 latency, 2xx / non-2xx / 5xx counts, socket errors and
//    timeouts per scenario, CPU time of server and PostgreSQL, and the targets of issue #8.
// 5. Checks correctness: every event of every acknowledged batch is stored exactly once; every
//    2xx console view wrote exactly one audit event; the audit hash chain is intact.
//
// Exit code 1 on a correctness failure (a 5xx, a lost or duplicated event, an unaudited view, a
// broken chain); a missed latency target is printed and fails the run only with --strict.
import { spawnSync, type ChildProcess } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon, { type AutocannonRequest, type AutocannonResult } from "autocannon";
import pg from "pg";
import { signInOverHttp } from "../e2e/support/http-session";
import { generateApiKey } from "../lib/api-keys/key-material";
import { DEMO_STAFF, STORY_CUSTOMERS } from "./demo-data/stories";
import {
  buildIfNeeded,
  cpuBetween,
  databaseUrl,
  freePort,
  sampleCpuAll,
  startExtraServer,
  startRoundRobin,
  startServer,
  stopExtraServer,
  stopServer,
  type CpuSample,
} from "./bench-server";

const DATA_DIR = ".data/bench-load";
const SCENARIOS = ["help", "search", "console", "ingest"] as const;
type ScenarioName = (typeof SCENARIOS)[number];

const HELP_ARTICLE = "/help/calls-from-a-fake-representative";
const SEARCH_PAGE = "/search?q=code";
// A slow answer is a measurement, not an error: autocannon's default (10 s) would drop it and
// leave it out of the percentiles, so the client waits this long before it counts a timeout.
const REQUEST_TIMEOUT_SECONDS = 60;

// Raised so that the measurement is not cut short by a limit that protects something else: all
// load comes from 127.0.0.1 and one key. Both limits have their own unit tests at their defaults.
const RAISED_LIMITS = { SIGN_IN_IP_LIMIT: "10000", INGEST_RATE_LIMIT_PER_MINUTE: "1000000" };

const TARGETS = { helpP95Ms: 50, consoleP95Ms: 250 };

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    batch: { type: "string", default: "100" },
    only: { type: "string", multiple: true },
    port: { type: "string" },
    instances: { type: "string", default: "1" },
    "warm-up": { type: "string", default: "15" },
    "skip-build": { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
  },
});
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const BATCH = Number(options.batch);
const ONLY = (options.only ?? []).flatMap((value) => value.split(","));
const INSTANCES = Number(options.instances);
const WARM_UP_SECONDS = Number(options["warm-up"]);

function log(message: string): void {
  process.stdout.write(`[bench:load] ${message}\n`);
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const loadAverages = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

// ---------------------------------------------------------------------------------------------
// One autocannon run, with exact latency percentiles
// ---------------------------------------------------------------------------------------------

type Measurement = {
  name: ScenarioName;
  label: string;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok2xx: number;
  /** 2xx answers of the warm-up before the measured run (their side effects count too). */
  warmUp2xx: number;
  non2xx: number;
  status5xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  cpu: CpuSample;
  loadBefore: string;
  loadAfter: string;
};

/** The value below which `fraction` of the sorted samples lie (nearest rank). */
function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * autocannon's own histogram reports p50/p90/p97.5/p99 but not p95, so every response time is kept
 * (a 30 s run at a few thousand requests/s is a few hundred thousand numbers) and sorted once.
 */
function run(
  url: string,
  requests: AutocannonRequest[],
  duration: number,
  connections = CONNECTIONS,
): Promise<{ result: AutocannonResult; latencies: Float64Array }> {
  return new Promise((resolve, reject) => {
    const samples: number[] = [];
    const instance = autocannon(
      { url, connections, duration, requests, timeout: REQUEST_TIMEOUT_SECONDS },
      (error, result) => {
        if (error) reject(error);
        else resolve({ result, latencies: Float64Array.from(samples).sort() });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      samples.push(responseTime),
    );
  });
}

async function measure(
  name: ScenarioName,
  label: string,
  base: string,
  requests: () => AutocannonRequest[],
  servers: readonly ChildProcess[],
): Promise<Measurement> {
  log(`${label}: warm-up ${WARM_UP_SECONDS} s with 4 connections ...`);
  const warmUp = await run(base, requests(), WARM_UP_SECONDS, 4);
  const loadBefore = loadAverages();
  log(`${label}: ${CONNECTIONS} connections for ${DURATION} s (load average ${loadBefore}) ...`);
  const cpuBefore = sampleCpuAll(servers, DATA_DIR);
  const { result, latencies } = await run(base, requests(), DURATION);
  const cpu = cpuBetween(cpuBefore, sampleCpuAll(servers, DATA_DIR));
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]),
  );
  const measurement: Measurement = {
    name,
    label,
    seconds: result.duration,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    ok2xx: result["2xx"],
    warmUp2xx: warmUp.result["2xx"],
    non2xx: result.non2xx,
    status5xx: result["5xx"],
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    cpu,
    loadBefore,
    loadAfter: loadAverages(),
  };
  log(
    `${label}: ${fmt(measurement.requestsPerSecond)} req/s, p50 ${fmt(measurement.p50)} ms, p95 ${fmt(measurement.p95)} ms, ` +
      `p99 ${fmt(measurement.p99)} ms; status ${JSON.stringify(statusCodes)}; errors ${measurement.errors}, timeouts ${measurement.timeouts}`,
  );
  return measurement;
}

// ---------------------------------------------------------------------------------------------
// Ingest batches with fresh event ids per request
// ---------------------------------------------------------------------------------------------

type IngestLedger = {
  /** Batches numbered across the warm-up and the measured run, so every event id is new. */
  nextBatch: number;
  /** Event ids of batches answered 2xx, minus events the answer listed as rejected. */
  acknowledged: { attempts: string[]; deliveries: string[] };
  batchesSent: number;
  batchesAcknowledged: number;
  acceptedReported: number;
  duplicatesReported: number;
  rejectedReported: number;
};

type PendingBatch = { attempts: string[]; deliveries: string[]; order: ("attempt" | "delivery")[] };

function ingestRequests(
  key: string,
  customerIds: readonly string[],
  runTag: string,
  ledger: IngestLedger,
): AutocannonRequest[] {
  return [
    {
      method: "POST",
      path: "/api/v1/events",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      setupRequest: (request, context) => {
        const batchNumber = ledger.nextBatch++;
        const now = Date.now();
        const pending: PendingBatch = { attempts: [], deliveries: [], order: [] };
        const events = Array.from({ length: BATCH }, (_, index) => {
          const externalId = customerIds[(batchNumber * BATCH + index) % customerIds.length] ?? "unknown";
          const eventId = `${runTag}-${batchNumber}-${index}`;
          const ip = `203.0.113.${(index % 250) + 1}`;
          if (index % 10 < 7) {
            pending.attempts.push(eventId);
            pending.order.push("attempt");
            return {
              type: "login_attempt",
              eventId,
              occurredAt: new Date(now - index * 1000).toISOString(),
              outcome: index % 3 === 0 ? "success" : "wrong_password",
              factor: "password",
              customer: { externalId },
              identifier: `${externalId}@example.com`,
              flowId: `${runTag}-flow-${batchNumber}-${index >> 2}`,
              ip,
              country: "GB",
              city: "London",
              deviceId: `load-device-${index % 40}`,
              userAgent:
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            };
          }
          pending.deliveries.push(eventId);
          pending.order.push("delivery");
          const sentAt = new Date(now - index * 1000);
          return {
            type: "otp_delivery",
            eventId,
            sentAt: sentAt.toISOString(),
            purpose: "sign_in",
            channel: "sms",
            customer: { externalId },
            destinationMasked: "+44 •••• ••• 123",
            status: "delivered",
            expiresAt: new Date(sentAt.getTime() + 300_000).toISOString(),
            flowId: `${runTag}-flow-${batchNumber}-${index >> 2}`,
            requestIp: ip,
            requestCountry: "GB",
            requestDeviceId: `load-device-${index % 40}`,
          };
        });
        context.pending = pending;
        ledger.batchesSent++;
        return { ...request, body: JSON.stringify({ events }) };
      },
      onResponse: (status, body, context) => {
        const pending = context.pending as PendingBatch | undefined;
        context.pending = undefined;
        if (!pending || status < 200 || status > 299) return;
        const outcome = JSON.parse(String(body)) as {
          accepted: number;
          duplicates: number;
          rejected: { index: number }[];
        };
        ledger.batchesAcknowledged++;
        ledger.acceptedReported += outcome.accepted;
        ledger.duplicatesReported += outcome.duplicates;
        ledger.rejectedReported += outcome.rejected.length;
        // A 207 stores the valid events of the batch: leave the rejected ones out of the ledger.
        const rejected = new Set(outcome.rejected.map((entry) => entry.index));
        const ids = { attempt: pending.attempts.values(), delivery: pending.deliveries.values() };
        pending.order.forEach((kind, index) => {
          const id = ids[kind].next().value as string;
          if (rejected.has(index)) return;
          (kind === "attempt" ? ledger.acknowledged.attempts : ledger.acknowledged.deliveries).push(id);
        });
      },
    },
  ];
}

type StoredCounts = {
  attemptsAcked: number;
  attemptsMissing: number;
  attemptsRepeated: number;
  deliveriesAcked: number;
  deliveriesMissing: number;
  deliveriesRepeated: number;
  storedForRun: number;
};

/** For each acknowledged event id: how many rows carry it (must be exactly one). */
async function countAcknowledged(db: pg.Client, ledger: IngestLedger, runTag: string): Promise<StoredCounts> {
  const count = async (table: "login_attempts" | "otp_deliveries", ids: string[]) => {
    const { rows } = await db.query<{ missing: number; repeated: number }>(
      `SELECT count(*) FILTER (WHERE c.n = 0)::int AS missing, count(*) FILTER (WHERE c.n > 1)::int AS repeated
         FROM unnest($1::text[]) AS u(event_id)
         CROSS JOIN LATERAL (SELECT count(*) AS n FROM ${table} t WHERE t.event_id = u.event_id) AS c`,
      [ids],
    );
    return rows[0] ?? { missing: ids.length, repeated: 0 };
  };
  const attempts = await count("login_attempts", ledger.acknowledged.attempts);
  const deliveries = await count("otp_deliveries", ledger.acknowledged.deliveries);
  const { rows } = await db.query<{ stored: number }>(
    `SELECT (SELECT count(*) FROM login_attempts WHERE event_id LIKE $1) + (SELECT count(*) FROM otp_deliveries WHERE event_id LIKE $1) AS stored`,
    [`${runTag}-%`],
  );
  return {
    attemptsAcked: ledger.acknowledged.attempts.length,
    attemptsMissing: attempts.missing,
    attemptsRepeated: attempts.repeated,
    deliveriesAcked: ledger.acknowledged.deliveries.length,
    deliveriesMissing: deliveries.missing,
    deliveriesRepeated: deliveries.repeated,
    storedForRun: Number(rows[0]?.stored ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function printTable(measurements: readonly Measurement[]): void {
  const header = [
    "scenario",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "2xx",
    "non-2xx",
    "5xx",
    "errors",
    "timeouts",
    "CPU ms/req (app+pg)",
    "cores used (app+pg)",
  ];
  const rows = measurements.map((m) => {
    // Requests the client timed out on were served too: count them in the CPU per request.
    const requests = Math.max(1, m.ok2xx + m.non2xx + m.timeouts);
    return [
      m.label,
      fmt(m.requestsPerSecond),
      fmt(m.p50, 1),
      fmt(m.p95, 1),
      fmt(m.p99, 1),
      fmt(m.max),
      fmt(m.ok2xx),
      fmt(m.non2xx),
      fmt(m.status5xx),
      fmt(m.errors),
      fmt(m.timeouts),
      `${fmt((m.cpu.server * 1000) / requests, 2)} + ${fmt((m.cpu.postgres * 1000) / requests, 2)}`,
      // How much of the two CPUs the server got: far below 2 means the machine's other work won.
      `${fmt(m.cpu.server / m.seconds, 2)} + ${fmt(m.cpu.postgres / m.seconds, 2)}`,
    ];
  });
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => row[index]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join("  ");
  process.stdout.write(`${line(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

async function main(): Promise<void> {
  for (const name of ONLY)
    if (!SCENARIOS.includes(name as ScenarioName))
      throw new Error(`--only takes ${SCENARIOS.join(", ")}; got "${name}"`);
  if (
    !(DURATION > 0) ||
    !Number.isInteger(CONNECTIONS) ||
    CONNECTIONS < 1 ||
    !Number.isInteger(BATCH) ||
    BATCH < 1 ||
    BATCH > 1000 ||
    !Number.isInteger(INSTANCES) ||
    INSTANCES < 1 ||
    INSTANCES > 4 ||
    !(WARM_UP_SECONDS >= 1)
  ) {
    throw new Error(
      "--duration must be positive, --connections at least 1, --batch 1..1000, --instances 1..4, --warm-up at least 1",
    );
  }
  const selected = SCENARIOS.filter((name) => ONLY.length === 0 || ONLY.includes(name));

  const uptimeBefore = spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
  log(`uptime before: ${uptimeBefore}`);
  buildIfNeeded(options["skip-build"], log);
  const port = options.port ? Number(options.port) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  // With several instances, `port` is the round robin's and each instance listens on its own.
  const firstPort = INSTANCES > 1 ? await freePort() : port;
  log(
    `Starting the production server on 127.0.0.1:${firstPort} with a fresh embedded database and demo data ...`,
  );
  log(
    `Raised limits (not what this measures): ${Object.entries(RAISED_LIMITS)
      .map(([name, value]) => `${name}=${value}`)
      .join(", ")}`,
  );
  const serverEnv = { ...RAISED_LIMITS, APP_URL: base, NEXTAUTH_URL: base };
  const server = await startServer({
    port: firstPort,
    dataDir: DATA_DIR,
    env: serverEnv,
    timeoutMs: 600_000,
  });
  const servers: ChildProcess[] = [server];
  const extras: ChildProcess[] = [];
  let roundRobin: Awaited<ReturnType<typeof startRoundRobin>> | undefined;
  if (INSTANCES > 1) {
    try {
      const ports = [firstPort];
      for (let index = 1; index < INSTANCES; index++) {
        const extraPort = await freePort();
        log(`Starting instance ${index + 1} on 127.0.0.1:${extraPort} (same database) ...`);
        extras.push(
          await startExtraServer({ port: extraPort, databaseUrl: databaseUrl(DATA_DIR), env: serverEnv }),
        );
        ports.push(extraPort);
      }
      roundRobin = await startRoundRobin(port, ports);
      log(
        `${INSTANCES} instances behind ${base} (round robin per connection over ports ${ports.join(", ")})`,
      );
    } catch (error) {
      for (const extra of extras) await stopExtraServer(extra);
      await stopServer(server, DATA_DIR);
      throw error;
    }
    servers.push(...extras);
  }
  const measurements: Measurement[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  try {
    const db = new pg.Client({ connectionString: databaseUrl(DATA_DIR) });
    await db.connect();
    try {
      log(
        `${os.cpus().length} CPUs (shared with whatever else runs on this machine), load average ${loadAverages()}`,
      );
      for (const name of selected) {
        if (name === "help") {
          measurements.push(
            await measure(
              name,
              `help article ${HELP_ARTICLE}`,
              base,
              () => [{ method: "GET", path: HELP_ARTICLE }],
              servers,
            ),
          );
        } else if (name === "search") {
          measurements.push(
            await measure(
              name,
              `search page ${SEARCH_PAGE}`,
              base,
              () => [{ method: "GET", path: SEARCH_PAGE }],
              servers,
            ),
          );
        } else if (name === "console") {
          const story = STORY_CUSTOMERS.otpBombing;
          const { rows } = await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [
            story.externalId,
          ]);
          const customerId = rows[0]?.id;
          if (!customerId)
            throw new Error(`the demo customer ${story.externalId} is missing: is SEED_DEMO_DATA=0 set?`);
          const agent = DEMO_STAFF.agent;
          log(
            `console: signing in as ${agent.email} over HTTP (password + TOTP; may wait for a fresh 30 s step) ...`,
          );
          const jar = await signInOverHttp(base, agent);
          const path = `/console/customers/${customerId}`;
          const views = async () => {
            const { rows: counted } = await db.query<{ views: number }>(
              "SELECT count(*)::int AS views FROM audit_events WHERE action = 'customer.viewed' AND target_id = $1",
              [customerId],
            );
            return counted[0]?.views ?? 0;
          };
          const viewsBefore = await views();
          const measured = await measure(
            name,
            `console customer page (${story.fullName})`,
            base,
            () => [{ method: "GET", path, headers: { cookie: jar.header() } }],
            servers,
          );
          measurements.push(measured);
          // Every 2xx view must have appended one audit event. A request the client gave up on (timeout,
          // socket error) or that was in flight when the run stopped is still served and audited, so
          // the count may exceed the 2xx answers by at most those.
          const audited = (await views()) - viewsBefore;
          const answered = measured.warmUp2xx + measured.ok2xx;
          const unanswered = measured.timeouts + measured.errors + CONNECTIONS + 4;
          notes.push(
            `console: ${fmt(audited)} customer.viewed audit events for ${fmt(answered)} 2xx views (warm-up included) and up to ${fmt(unanswered)} unanswered requests`,
          );
          if (audited < answered)
            failures.push(
              `console: ${fmt(answered)} views answered 2xx but only ${fmt(audited)} audit events were written`,
            );
          if (audited > answered + unanswered)
            failures.push(
              `console: ${fmt(audited)} audit events for ${fmt(answered)} views: some views were audited more than once`,
            );
          if (measured.non2xx > 0)
            notes.push(
              `console: ${fmt(measured.non2xx)} answers were not 2xx (${JSON.stringify(measured.statusCodes)}): a redirect to sign-in means the session ended`,
            );
        } else {
          const material = generateApiKey();
          await db.query(
            `INSERT INTO api_keys (name, prefix, secret_hash, scopes) VALUES ('Load benchmark', $1, $2, ARRAY['EVENTS_WRITE']::"ApiScope"[])`,
            [material.prefix, material.secretHash],
          );
          const { rows } = await db.query<{ external_id: string }>(
            "SELECT external_id FROM customers ORDER BY external_id LIMIT 1000",
          );
          const customerIds = rows.map((row) => row.external_id);
          const runTag = `load${Date.now().toString(36)}`;
          const ledger: IngestLedger = {
            nextBatch: 0,
            acknowledged: { attempts: [], deliveries: [] },
            batchesSent: 0,
            batchesAcknowledged: 0,
            acceptedReported: 0,
            duplicatesReported: 0,
            rejectedReported: 0,
          };
          const measured = await measure(
            name,
            `ingest API (${BATCH} events per request)`,
            base,
            () => ingestRequests(material.key, customerIds, runTag, ledger),
            servers,
          );
          measurements.push(measured);
          const stored = await countAcknowledged(db, ledger, runTag);
          const acked = stored.attemptsAcked + stored.deliveriesAcked;
          const lost = stored.attemptsMissing + stored.deliveriesMissing;
          const repeated = stored.attemptsRepeated + stored.deliveriesRepeated;
          notes.push(
            `ingest: ${fmt(ledger.batchesAcknowledged)} of ${fmt(ledger.batchesSent)} batches acknowledged (warm-up included; the rest were cut off when the run ended or failed), ` +
              `${fmt(acked)} acknowledged events, ${fmt(ledger.acceptedReported)} reported accepted, ${ledger.duplicatesReported} duplicates, ${ledger.rejectedReported} rejected; ` +
              `${fmt(stored.storedForRun)} rows stored for this run, ${fmt(measured.requestsPerSecond * BATCH)} events/s`,
          );
          notes.push(
            `ingest: acknowledged events stored exactly once: ${lost === 0 && repeated === 0 ? "yes" : "NO"} (${lost} missing, ${repeated} stored more than once)`,
          );
          if (lost > 0) failures.push(`ingest: ${lost} acknowledged events are missing`);
          if (repeated > 0)
            failures.push(`ingest: ${repeated} acknowledged events are stored more than once`);
          // Every event id is new, so a duplicate means the server saw one event twice.
          if (ledger.duplicatesReported > 0)
            failures.push(
              `ingest: the API reported ${ledger.duplicatesReported} duplicates among events that were all new`,
            );
          if (ledger.rejectedReported > 0)
            notes.push(
              `ingest: the API rejected ${ledger.rejectedReported} generated events: the generator is out of date with the schema`,
            );
        }
      }
    } finally {
      await db.end();
    }

    if (selected.includes("console")) {
      // Many concurrent views appended to one chain: check that no link broke.
      const verify = spawnSync(
        "node_modules/.bin/tsx",
        ["--conditions=react-server", "scripts/audit-verify.ts"],
        {
          encoding: "utf8",
          env: { ...process.env, DATABASE_URL: databaseUrl(DATA_DIR) },
        },
      );
      notes.push(`audit chain: ${(verify.stdout || verify.stderr).trim()}`);
      if (verify.status !== 0) failures.push("the audit hash chain is broken after the console run");
    }
  } finally {
    // The extra instances first: the first one's launcher stops the database they use.
    roundRobin?.close();
    for (const extra of extras) await stopExtraServer(extra);
    await stopServer(server, DATA_DIR);
  }
  const uptimeAfter = spawnSync("uptime", { encoding: "utf8" }).stdout.trim();

  process.stdout.write(
    `\nLoad benchmark: ${CONNECTIONS} connections x ${DURATION} s per scenario, production build, ${INSTANCES} instance${INSTANCES === 1 ? "" : "s"}, ${os.cpus().length} shared CPUs\n\n`,
  );
  printTable(measurements);
  process.stdout.write(
    "\n  CPU ms/req divides the server's CPU time by the requests answered or timed out; requests still in flight when a run\n" +
      "  stops are left out, so it overstates the cost when a run answers few requests per connection.\n",
  );
  for (const m of measurements)
    process.stdout.write(
      `  ${m.label}: load average ${m.loadBefore} before, ${m.loadAfter} after; status codes ${JSON.stringify(m.statusCodes)}\n`,
    );
  for (const note of notes) process.stdout.write(`  ${note}\n`);

  const targets: { name: string; met: boolean; detail: string }[] = [];
  for (const m of measurements) {
    targets.push({
      name: `${m.label}: no 5xx`,
      met: m.status5xx === 0,
      detail: `${m.status5xx} answers were 5xx`,
    });
    if (m.status5xx > 0) failures.push(`${m.label}: ${m.status5xx} answers were 5xx`);
    if (m.name === "help" || m.name === "search")
      targets.push({
        name: `${m.label}: p95 <= ${TARGETS.helpP95Ms} ms`,
        met: m.p95 <= TARGETS.helpP95Ms,
        detail: `p95 ${fmt(m.p95, 1)} ms`,
      });
    if (m.name === "console")
      targets.push({
        name: `${m.label}: p95 <= ${TARGETS.consoleP95Ms} ms`,
        met: m.p95 <= TARGETS.consoleP95Ms,
        detail: `p95 ${fmt(m.p95, 1)} ms`,
      });
  }
  if (selected.includes("ingest")) {
    const ok = !failures.some((failure) => failure.startsWith("ingest:"));
    targets.push({
      name: "ingest: every acknowledged event stored exactly once",
      met: ok,
      detail: ok ? "yes" : "no",
    });
  }
  process.stdout.write("\nTargets (issue #8)\n");
  for (const target of targets)
    process.stdout.write(`  ${target.met ? "met   " : "MISSED"}  ${target.name} (${target.detail})\n`);
  process.stdout.write(`\nuptime before: ${uptimeBefore}\nuptime after:  ${uptimeAfter}\n`);
  process.stdout.write(
    "The CPUs are shared: other work on the machine during the run shows in these figures.\n",
  );

  const missed = targets.filter(
    (target) => !target.met && !target.name.endsWith("no 5xx") && !target.name.startsWith("ingest:"),
  );
  if (failures.length) {
    for (const failure of failures) process.stderr.write(`[bench:load] FAILED: ${failure}\n`);
    process.exit(1);
  }
  if (options.strict && missed.length) {
    process.stderr.write(`[bench:load] --strict: ${missed.length} target(s) missed\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
