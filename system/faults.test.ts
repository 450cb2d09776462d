// Faults under traffic (issue #8, item 5), against the production build and a real PostgreSQL:
// - the app process is SIGKILLed in the middle of an ingest stream whose client resends every
//   unacknowledged batch, then restarted: every event is stored exactly once;
// - PostgreSQL is shut down (fast) and started again under traffic: the same app process reports
//   "degraded" meanwhile, answers writes with 503 + Retry-After (never a 500 or a crash), serves
//   again once the database is back, and has lost no acknowledged event.
import { afterAll, beforeAll, expect, test } from "vitest";
import { SIGN_IN_UNAVAILABLE } from "@/lib/auth/auth-options";
import { totpCode } from "../e2e/support/totp";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { createIngestKey, startCluster, type Cluster } from "./support/cluster";
import { batches, makeEvents, streamBatches, type DeliveryLog } from "./support/ingest-client";
import { delay, type NextInstance } from "./support/next-instance";
import { attemptSignIn } from "./support/staff-http";
import { encryptAtRest } from "@/lib/crypto/at-rest";
import { newWebhookSecret } from "@/lib/integrations/standard-webhooks";
import { IdentitySystem } from "../examples/identity-system/identity-system";

const PORT = Number(process.env.SYSTEM_TEST_PORT ?? 3300) + 10;

let cluster: Cluster;
let app: NextInstance;

beforeAll(async () => {
  cluster = await startCluster({
    dataDir: ".data/faults",
    firstPort: PORT,
    instances: 1,
    // The identity system of the delivery test listens on loopback; deliveries looked for often.
    env: { INTEGRATIONS_ALLOW_PRIVATE_NETWORK: "1", DELIVERY_INTERVAL_MS: "100" },
  });
  [app] = cluster.instances as [NextInstance];
});

afterAll(async () => {
  await cluster?.stop();
});

/** Every stored event id with that prefix, with how many times it is stored (both event tables). */
async function storedEventIds(prefix: string): Promise<Map<string, number>> {
  const rows = await cluster.database.query<{ event_id: string; copies: string }>(
    `SELECT event_id, count(*) AS copies FROM (
       SELECT event_id FROM login_attempts WHERE event_id LIKE $1
       UNION ALL SELECT event_id FROM otp_deliveries WHERE event_id LIKE $1) AS stored
     GROUP BY event_id`,
    [`${prefix}-%`],
  );
  return new Map(rows.map((row) => [row.event_id, Number(row.copies)]));
}

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await delay(100);
  }
}

test("SIGKILL in the middle of an ingest stream: after a restart every event is stored exactly once", async () => {
  const { key } = await createIngestKey(cluster.database, "Fault test: SIGKILL");
  const events = makeEvents("fault-kill", 12_000);
  const log: DeliveryLog = { attempts: [], acknowledged: [] };
  const firstPid = app.pid;

  // Two streams, so a request is in flight whenever the process dies.
  const streaming = streamBatches(app.baseURL, batches(events, 250), { apiKey: key, log, streams: 2 });
  await waitFor(() => log.acknowledged.length >= 10 * 250, "the first ten batches to be acknowledged");
  await app.kill();
  await app.start();
  await streaming;

  const resent = log.attempts.filter((attempt) => attempt.status === "no-answer").length;
  const duplicates = log.attempts.reduce((sum, attempt) => sum + (attempt.duplicates ?? 0), 0);
  console.info(
    `SIGKILL: ${log.attempts.length} requests for ${events.length} events; ${resent} without an answer; ${duplicates} events came back as duplicates`,
  );

  expect(app.pid).not.toBe(firstPid);
  // The kill cut requests off: the client had to resend at least one batch.
  expect(log.attempts.filter((attempt) => attempt.status === "no-answer").length).toBeGreaterThan(0);
  expect(new Set(log.acknowledged).size).toBe(events.length);

  const stored = await storedEventIds("fault-kill");
  expect(stored.size).toBe(events.length);
  expect([...stored.values()].every((copies) => copies === 1)).toBe(true);
  expect(events.filter((event) => !stored.has(String(event.eventId)))).toEqual([]);
});

test("PostgreSQL restarts under traffic: the app reports degraded, recovers without a restart and loses no acknowledged write", async () => {
  const { key } = await createIngestKey(cluster.database, "Fault test: database restart");
  const events = makeEvents("fault-db", 6_000);
  const log: DeliveryLog = { attempts: [], acknowledged: [] };
  const pid = app.pid;

  // Health checks and a page that reads the database, all the way through.
  const health: { status: number; body: { status?: string; database?: { status?: string } } }[] = [];
  const pages: number[] = [];
  let watching = true;
  const watchHealth = (async () => {
    while (watching) {
      const response = await fetch(`${app.baseURL}/api/health`, { signal: AbortSignal.timeout(10_000) });
      health.push({
        status: response.status,
        body: (await response.json()) as (typeof health)[number]["body"],
      });
      await delay(200);
    }
  })();
  const readPages = (async () => {
    while (watching) {
      const response = await fetch(`${app.baseURL}/console/sign-in`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      pages.push(response.status);
      await delay(300);
    }
  })();

  const streaming = streamBatches(app.baseURL, batches(events, 100), {
    apiKey: key,
    log,
    streams: 1,
    pauseMs: 50,
  });
  await waitFor(() => log.acknowledged.length >= 5 * 100, "the first five batches to be acknowledged");
  await cluster.database.stop();
  await waitFor(() => health.at(-1)?.status === 503, "health to report the database down", 15_000);
  const attemptsBeforeOutage = log.attempts.length;
  // A staff member signing in meanwhile is told to try again, not shown the driver's error.
  const agent = DEMO_STAFF.agent;
  const signInDuringOutage = await attemptSignIn(
    app.baseURL,
    { email: agent.email, password: agent.password, code: await totpCode(agent.totpSecret) },
    "198.51.100.20",
  );
  await delay(3_000);
  await cluster.database.start();
  await waitFor(() => health.at(-1)?.status === 200, "health to recover", 30_000);
  const signInAfterRecovery = await attemptSignIn(
    app.baseURL,
    { email: agent.email, password: agent.password, code: await totpCode(agent.totpSecret) },
    "198.51.100.20",
  );
  await streaming;
  const pagesAfterRecovery = pages.length;
  await waitFor(() => pages.length >= pagesAfterRecovery + 2, "pages read after recovery", 15_000);
  watching = false;
  await Promise.all([watchHealth, readPages]);

  const outageChecks = health.filter((check) => check.status !== 200).length;
  console.info(
    `Database restart: ${log.attempts.length} requests for ${events.length} events, ${log.attempts.filter((attempt) => attempt.status !== 200).length} refused; ` +
      `${outageChecks} of ${health.length} health checks degraded; page statuses seen: ${[...new Set(pages)].join(", ")}`,
  );

  // The same process throughout: it recovered by itself.
  expect(app.pid).toBe(pid);

  // Meanwhile: degraded, with the reason, never an error page or a dropped connection.
  const outage = health.filter((check) => check.status !== 200);
  expect(outage.length).toBeGreaterThan(0);
  for (const check of outage)
    expect(check).toEqual({
      status: 503,
      body: expect.objectContaining({
        status: "degraded",
        database: expect.objectContaining({ status: "down" }),
      }),
    });
  expect(health.at(-1)?.body.status).toBe("ok");

  // Writes during the outage: 503 with Retry-After, which the client retried.
  const refused = log.attempts.filter((attempt) => attempt.status !== 200);
  expect(log.attempts.length).toBeGreaterThan(attemptsBeforeOutage);
  expect(refused.length).toBeGreaterThan(0);
  for (const attempt of refused)
    expect(attempt).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });

  expect(signInDuringOutage).toEqual({ ok: false, message: SIGN_IN_UNAVAILABLE });
  expect(signInAfterRecovery.ok).toBe(true);

  // Pages read the database again after recovery.
  expect(pages.slice(pagesAfterRecovery)).toEqual(pages.slice(pagesAfterRecovery).map(() => 200));

  // Every acknowledged event is there, once; and since every batch was acknowledged in the end, all are.
  const stored = await storedEventIds("fault-db");
  expect(log.acknowledged.filter((id) => stored.get(id) !== 1)).toEqual([]);
  expect(stored.size).toBe(events.length);
});

test("SIGKILL in the middle of deliveries to the identity system: no action lost, each applied once, in order per customer", async () => {
  // A receiver that answers slowly, so deliveries are in flight when the process dies.
  const secret = newWebhookSecret();
  const receiver = new IdentitySystem({ secrets: [secret] });
  const received: string[] = [];
  const handle = receiver.handle;
  receiver.handle = (request, response) => {
    received.push(String(request.headers["webhook-id"] ?? ""));
    setTimeout(() => handle(request, response), 150);
  };
  const listening = await receiver.listen();
  try {
    const db = cluster.database;
    await db.query(
      `INSERT INTO integration_endpoints (name, format, url, secret_enc) VALUES ('Fault test receiver', 'STANDARD_WEBHOOKS', $1, $2)`,
      [`http://127.0.0.1:${listening.port}/desk-events`, encryptAtRest(secret)],
    );
    // 400 decided actions over 100 customers (four each, alternating kinds), with their deliveries,
    // as queueAccountActionInTx writes them.
    await db.query(`
      WITH customers AS (SELECT id FROM customers ORDER BY id LIMIT 100),
      actions AS (
        INSERT INTO account_actions (customer_id, kind, reason)
        SELECT c.id, (CASE WHEN n % 2 = 0 THEN 'ACCOUNT_LOCKED' ELSE 'ACCOUNT_UNLOCKED' END)::"AccountActionKind", 'fault test'
        FROM customers c CROSS JOIN generate_series(1, 4) AS n
        RETURNING id, customer_id, sequence)
      INSERT INTO action_deliveries (action_id, endpoint_id, customer_id, sequence)
      SELECT a.id, e.id, a.customer_id, a.sequence FROM actions a
      CROSS JOIN integration_endpoints e WHERE e.name = 'Fault test receiver'`);

    await waitFor(() => receiver.state.applied.length >= 60, "the first deliveries to be applied");
    const firstPid = app.pid;
    await app.kill();
    await app.start();
    expect(app.pid).not.toBe(firstPid);
    // Rows claimed by the killed process come back after their 30-second lease.
    await waitFor(
      async () =>
        (
          await db.query<{ n: string }>(
            `SELECT count(*) AS n FROM action_deliveries WHERE status <> 'DELIVERED'`,
          )
        )[0]?.n === "0",
      "every delivery to be confirmed",
      120_000,
    );
    const applied = receiver.state.applied;
    console.info(
      `Delivery SIGKILL: ${received.length} requests for 400 actions; ${received.length - 400} resent; applied ${applied.length}`,
    );
    expect(applied).toHaveLength(400);
    expect(new Set(applied.map((entry) => entry.actionId)).size).toBe(400);
    const actions = await db.query<{ id: string; customer_id: string; sequence: string }>(
      "SELECT id, customer_id, sequence FROM account_actions WHERE reason = 'fault test'",
    );
    const byId = new Map(actions.map((row) => [row.id, row]));
    const lastSequence = new Map<string, bigint>();
    for (const entry of applied) {
      const action = byId.get(entry.actionId);
      if (!action) throw new Error(`unknown action ${entry.actionId}`);
      const sequence = BigInt(action.sequence);
      expect(sequence > (lastSequence.get(action.customer_id) ?? -1n)).toBe(true);
      lastSequence.set(action.customer_id, sequence);
    }
    const statuses = await db.query<{ status: string }>(
      "SELECT DISTINCT status::text FROM account_actions WHERE reason = 'fault test'",
    );
    expect(statuses.map((row) => row.status)).toEqual(["CONFIRMED"]);
  } finally {
    await listening.close();
  }
}, 240_000);
