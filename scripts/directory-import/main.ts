// `npm run directory:import -- customers.ndjson [--restart] [--batch 5000]`: the first load of
// the identity system's customers (run-import.ts says how). Runs through the launcher, which sets
// DATABASE_URL (the embedded database when none is configured); pending migrations are applied first.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../../lib/db/migrate";
import { runImport } from "./run-import";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { restart: { type: "boolean", default: false }, batch: { type: "string", default: "5000" } },
});
const file = positionals[0];
const databaseUrl = process.env.DATABASE_URL;
try {
  if (!file || !existsSync(file))
    throw new Error("usage: npm run directory:import -- <customers.ndjson> [--restart]");
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: run this through `npm run directory:import`.");
  await migrateDatabase(databaseUrl);
  const batchSize = Math.max(1, Math.min(50_000, Number(values.batch) || 5000));
  const summary = await runImport(file, { restart: values.restart, batchSize, databaseUrl });
  process.exit(summary.rejected > 0 ? 2 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
