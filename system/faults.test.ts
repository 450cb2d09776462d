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

const PORT = Number(process.env.SYSTEM_TEST_PORT ?? 3300) + 10;

let cluster: Cluster;
let app: NextInstance;

beforeAll(async () => {
  cluster = await startCluster({ dataDir: ".data/faults", firstPort: PORT, instances: 1 });
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
