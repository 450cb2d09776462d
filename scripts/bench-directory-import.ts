// `npm run bench:directory-import [-- --customers 1000000]`: writes an NDJSON file of synthetic
// customer_upserted events, imports it into an empty embedded database (.data/bench-directory),
// and prints customers per second; then imports the same file again (everything already applied:
// the cost of a resumed or repeated run). Run it alone: the machine has two cores.
import { createWriteStream, mkdirSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase } from "@/lib/db/migrate";
import { runImport } from "./directory-import/run-import";

const { values } = parseArgs({ options: { customers: { type: "string", default: "1000000" } } });
const count = Number(values.customers);
const databaseUrl = process.env.DATABASE_URL ?? "";
const dir = path.resolve(".data/bench-directory-files");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `customers-${count}.ndjson`);

const FIRST = ["Olivia", "Marcus", "Priya", "Tom", "Aisha", "Fiona", "Jürgen", "Zoë", "Ben", "Grace"];
const LAST = [
  "Bennett",
  "Reid",
  "Shah",
  "Hughes",
  "Rahman",
  "MacLeod",
  "Weiß",
  "Carter",
  "Whitfield",
  "Ó Briain",
];

console.log(`Writing ${count.toLocaleString("en")} customers to ${file} ...`);
const out = createWriteStream(file);
for (let i = 0; i < count; i++) {
  const line = JSON.stringify({
    type: "customer_upserted",
    eventId: `evt_import_${i}`,
    occurredAt: "2026-11-30T12:00:00Z",
    version: 1,
    customer: {
      externalId: `cus_bench_${i}`,
      name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}`,
      email: `customer.${i}@example.com`,
      phone: `+4477${String(i).padStart(8, "0")}`,
      country: "GB",
      status: "active",
      createdAt: "2024-01-01T00:00:00Z",
    },
  });
  if (!out.write(`${line}\n`)) await once(out, "drain");
}
out.end();
await once(out, "finish");

await migrateDatabase(databaseUrl);
const first = await runImport(file, { restart: true, databaseUrl });
const again = await runImport(file, { restart: true, databaseUrl });
console.log("");
console.log(
  `first load: ${Math.round(first.lines / first.seconds).toLocaleString("en")} customers/s (${first.lines.toLocaleString("en")} in ${first.seconds.toFixed(1)} s)`,
);
console.log(
  `second run (nothing new): ${Math.round(again.lines / again.seconds).toLocaleString("en")} lines/s`,
);
