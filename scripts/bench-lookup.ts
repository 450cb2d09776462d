// `npm run bench:lookup`: how fast an agent's lookups are on a large desk. Seeds (once) a database
// with --customers customers and --attempts-per-customer login attempts each, then times customer
// search (phone, email, name prefix) and the customer page's data loads, printing p50/p95.
// Runs through the launcher against its own embedded cluster (.data/bench-lookup), or DATABASE_URL.
import { parseArgs } from "node:util";
import pg from "pg";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { listLoginAttempts, listOtpDeliveries } from "@/lib/customers/activity";
import { getCustomerOverview } from "@/lib/customers/customer-overview";
import { searchCustomers } from "@/lib/customers/customer-search";
import { getRiskSignals } from "@/lib/customers/risk-data";
import { getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemoData } from "./demo-data";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "1000000" },
    "attempts-per-customer": { type: "string", default: "20" },
    samples: { type: "string", default: "200" },
  },
});
const customers = Number(values.customers);
const attemptsPerCustomer = Number(values["attempts-per-customer"]);
const samples = Number(values.samples);
const url = process.env.DATABASE_URL ?? "";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function time(label: string, inputs: string[], run: (input: string) => Promise<unknown>) {
  const durations: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} n=${durations.length}  p50 ${percentile(durations, 50).toFixed(1)} ms  p95 ${percentile(durations, 95).toFixed(1)} ms  max ${(durations.at(-1) ?? 0).toFixed(1)} ms`);
}

await migrateDatabase(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: counts } = await client.query<{ customers: number; attempts: string }>(
  "SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'login_attempts')::text AS attempts",
);
if ((counts[0]?.customers ?? 0) < customers) {
  console.log(`Seeding ${customers.toLocaleString("en-GB")} customers × ${attemptsPerCustomer} attempts (once; later runs reuse it) ...`);
  const report = await seedDemoData(url, { customers, attemptsPerCustomer, reset: true, log: (message) => console.log(`  ${message}`) });
  console.log(`Seeded in ${report.seconds.toFixed(0)} s.`);
  await client.query("ANALYZE");
}
const { rows: size } = await client.query<{ customers: number; attempts: number; deliveries: number }>(
  "SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM login_attempts)::int AS attempts, (SELECT count(*) FROM otp_deliveries)::int AS deliveries",
);
console.log(`Data: ${size[0]?.customers.toLocaleString("en-GB")} customers, ${size[0]?.attempts.toLocaleString("en-GB")} login attempts, ${size[0]?.deliveries.toLocaleString("en-GB")} OTP deliveries.`);

const { rows: sample } = await client.query<{ id: string; email: string; phone_e164: string | null; name_key: string }>(
  `SELECT id, email, phone_e164, name_key FROM customers TABLESAMPLE SYSTEM (1) LIMIT ${samples}`,
);
await client.end();

const db = getDb();
const benchStaff = await db.staffUser.upsert({
  where: { email: "bench@desk.example" },
  update: {},
  create: { email: "bench@desk.example", name: "Benchmark", role: "AGENT" },
  select: { id: true, email: true, name: true },
});
const staff: CurrentStaff = { ...benchStaff, role: "AGENT", timeZone: "UTC", sessionId: "00000000-0000-4000-8000-000000000000", stepUpAt: null };

console.log("\nCustomer search (includes its audit event):");
await time("  by phone (national format)", sample.flatMap((row) => (row.phone_e164 ? [row.phone_e164] : [])), (phone) => searchCustomers(staff, { q: phone }, "bench"));
await time("  by email", sample.map((row) => row.email), (email) => searchCustomers(staff, { q: email }, "bench"));
await time("  by name prefix (first 4 letters)", sample.map((row) => row.name_key.slice(0, 4)), (prefix) => searchCustomers(staff, { q: prefix }, "bench"));

console.log("\nCustomer page data loads:");
await time("  overview (profile, factors, sessions)", sample.map((row) => row.id), (id) => getCustomerOverview(staff, id, "bench"));
await time("  risk signals (30 days)", sample.map((row) => row.id), (id) => getRiskSignals(id));
await time("  login attempts, first page", sample.map((row) => row.id), (id) => listLoginAttempts(id, {}));
await time("  OTP deliveries, first page", sample.map((row) => row.id), (id) => listOtpDeliveries(id, {}));
await time("  whole page (all four in parallel)", sample.map((row) => row.id), (id) =>
  Promise.all([getCustomerOverview(staff, id, "bench"), getRiskSignals(id), listLoginAttempts(id, {}, 10), listOtpDeliveries(id, {}, 10)]),
);
console.log("\nTarget: p95 ≤ 50 ms for search and for the page's data loads.");
await db.$disconnect();
