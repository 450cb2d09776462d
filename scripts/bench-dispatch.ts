// `npm run bench:dispatch [-- --rate 100 --seconds 30 --burst 5000]`: account actions delivered
// to an identity system, measured end to end on this machine. Runs through the launcher against a
// fresh embedded database (.data/bench-dispatch), with the reference identity system
// (examples/identity-system) listening on loopback and the desk's delivery loop in this process,
// as in the app (lib/integrations/loop.ts, DELIVERY_INTERVAL_MS).
//
// 1. Steady: `--rate` actions a second for `--seconds`, each decided in its own transaction the way
//    the console does (queueAccountActionInTx); latency is from the decision's commit to the
//    receiver's acknowledgement (its 2xx after verifying and applying). Prints p50/p95/p99.
// 2. Burst: `--burst` actions decided at once, then the time until the last is acknowledged:
//    the delivery throughput when a backlog builds up (after an outage, say).
// Checks: every action acknowledged, each applied exactly once.
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { getDb } from "@/lib/db/client";
import { queueAccountActionInTx } from "@/lib/account-actions/outbound";
import { createEndpoint } from "@/lib/integrations/endpoints";
import { startDeliveryLoop } from "@/lib/integrations/loop";
import { env } from "@/lib/env";
import { IdentitySystem } from "../examples/identity-system/identity-system";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "100" },
    seconds: { type: "string", default: "30" },
    burst: { type: "string", default: "5000" },
    customers: { type: "string", default: "500" },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const burst = Number(values.burst);
const customerCount = Number(values.customers);
const url = process.env.DATABASE_URL ?? "";
await migrateDatabase(url);

// Customers to act on, written directly (the bench measures delivery, not the directory).
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: customers } = await client.query<{ id: string }>(
  `INSERT INTO customers (external_id, full_name, name_key, email, email_normalized)
   SELECT 'cus_dispatch_' || i, 'Bench Customer ' || i, 'bench customer ' || i,
          'dispatch.' || i || '@example.com', 'dispatch.' || i || '@example.com'
   FROM generate_series(1, $1::int) AS i RETURNING id`,
  [customerCount],
);
const { rows: staffRows } = await client.query<{ id: string; email: string }>(
  `INSERT INTO staff_users (email, name, role) VALUES ('bench-admin@example.com', 'Bench Admin', 'ADMIN') RETURNING id, email`,
);
await client.end();
const admin = staffRows[0];
if (!admin) throw new Error("no admin");

// The receiver, and the time each action was acknowledged.
const acknowledged = new Map<string, number>();
const receiver = new IdentitySystem({ secrets: [] });
const listening = await receiver.listen();
const endpointUrl = `http://127.0.0.1:${listening.port}/desk-events`;
const created = await createEndpoint(
  {
    staff: { id: admin.id } as never,
    ip: "127.0.0.1",
    actor: { type: "STAFF", id: admin.id, label: admin.email },
  },
  { name: "Bench receiver", format: "STANDARD_WEBHOOKS", url: endpointUrl, actionKinds: [], reason: "Bench" },
);
if (!created.ok || !created.data.secret) throw new Error("endpoint not created");
const verifier = new IdentitySystem({ secrets: [created.data.secret] });
await listening.close();
verifier.handle = ((handle) => (request, response) => {
  response.on("finish", () => {
    const id = String(request.headers["webhook-id"] ?? "").replace(/^msg_/, "");
    if (response.statusCode === 200 && !acknowledged.has(id)) acknowledged.set(id, performance.now());
  });
  handle(request, response);
})(verifier.handle);
const server = await verifier.listen(listening.port);

startDeliveryLoop();
const by = { staff: null, actor: { type: "SYSTEM" as const, label: "bench" } };
const committed = new Map<string, number>();
let next = 0;
async function decide(): Promise<void> {
  const customerId = customers[next++ % customers.length]?.id ?? "";
  const id = await getDb().$transaction((tx) =>
    queueAccountActionInTx(tx, by, {
      customerId,
      kind: next % 2 ? "SESSIONS_ENDED" : "ACCOUNT_LOCKED",
      reason: "Bench",
      auditAction: "bench",
    }),
  );
  committed.set(id, performance.now());
}

async function waitForAll(ids: string[], timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (ids.some((id) => !acknowledged.has(id)) && performance.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// 1. Steady rate.
console.log(
  `Steady: ${rate} actions/s for ${seconds} s (delivery loop every ${env().DELIVERY_INTERVAL_MS} ms) ...`,
);
const steadyStart = performance.now();
const total = rate * seconds;
for (let i = 0; i < total; i++) {
  const due = steadyStart + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  void decide();
}
await new Promise((resolve) => setTimeout(resolve, 100));
const steadyIds = [...committed.keys()];
await waitForAll(steadyIds, 60_000);
const latencies = steadyIds
  .map((id) => (acknowledged.get(id) ?? NaN) - (committed.get(id) ?? NaN))
  .filter(Number.isFinite)
  .sort((a, b) => a - b);
const decidedRate = steadyIds.length / ((performance.now() - steadyStart) / 1000);

// 2. Burst.
console.log(`Burst: ${burst} actions decided at once ...`);
committed.clear();
const burstStart = performance.now();
await Promise.all(Array.from({ length: burst }, () => decide()));
const burstDecided = performance.now();
const burstIds = [...committed.keys()];
await waitForAll(burstIds, 300_000);
const burstDone = Math.max(...burstIds.map((id) => acknowledged.get(id) ?? Infinity));

const appliedTwice =
  verifier.state.applied.length - new Set(verifier.state.applied.map((entry) => entry.messageId)).size;
const missing = [...steadyIds, ...burstIds].filter((id) => !acknowledged.has(id)).length;
console.log("");
console.log(
  `steady: ${steadyIds.length} actions at ${decidedRate.toFixed(0)}/s; commit → acknowledged p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms (target p95 ≤ 1000 ms)`,
);
console.log(
  `burst: ${burst} decided in ${((burstDecided - burstStart) / 1000).toFixed(1)} s, all acknowledged after ${((burstDone - burstStart) / 1000).toFixed(1)} s: ${Math.round(burst / ((burstDone - burstStart) / 1000))} actions/s delivered`,
);
console.log(`checks: ${missing} not acknowledged, ${appliedTwice} applied twice`);
await server.close();
process.exit(missing === 0 && appliedTwice === 0 ? 0 : 1);
