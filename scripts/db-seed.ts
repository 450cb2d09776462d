// Writes the demo data set into the database at DATABASE_URL.
//
//   npm run db:seed -- [--customers N] [--attempts-per-customer N] [--seed N] [--reset]
//
// `npm run db:seed` goes through scripts/launch.ts, which provides DATABASE_URL (the embedded
// PostgreSQL when none is configured). A database that already has customers is refused unless
// --reset is given, which empties every domain table first.
import { parseArgs } from "node:util";
import {
  DEFAULT_ATTEMPTS_PER_CUSTOMER,
  DEFAULT_SEED,
  DemoDataRefusedError,
  seedDemoData,
  type SeedReport,
} from "./demo-data";
import { printDemoStaff } from "./demo-data/print-demo-staff";

const USAGE = `Usage: npm run db:seed -- [options]

  --customers N               customers to generate (default 2000)
  --attempts-per-customer N   average login attempts per customer over ~6 months (default ${DEFAULT_ATTEMPTS_PER_CUSTOMER})
  --seed N                    generator seed: the same flags give the same data (default ${DEFAULT_SEED})
  --reset                     empty the domain tables first (required when customers exist)
  --help                      show this help`;

function positiveInteger(name: string, raw: string | undefined, fallback: number, minimum = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(value) || value < minimum)
    throw new Error(`--${name} must be a whole number of at least ${minimum} (got "${raw}")`);
  return value;
}

function printReport(report: SeedReport) {
  const rows = Object.entries(report.tables).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([table]) => table.length), "total".length);
  const format = (n: number) => n.toLocaleString("en-GB");
  console.log("");
  console.log(`${"table".padEnd(width)}  ${"rows".padStart(12)}`);
  console.log(`${"-".repeat(width)}  ${"-".repeat(12)}`);
  for (const [table, count] of rows) console.log(`${table.padEnd(width)}  ${format(count).padStart(12)}`);
  console.log(`${"-".repeat(width)}  ${"-".repeat(12)}`);
  console.log(`${"total".padEnd(width)}  ${format(report.totalRows).padStart(12)}`);
  console.log("");
  console.log(
    `${format(report.totalRows)} rows in ${report.seconds.toFixed(1)} s: ${format(Math.round(report.rowsPerSecond))} rows/s (seed ${report.seed}).`,
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      customers: { type: "string" },
      "attempts-per-customer": { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Run this through `npm run db:seed`, which provides one.");
    return 1;
  }
  const customers = positiveInteger("customers", values.customers, 2000, 0);
  const attemptsPerCustomer = positiveInteger(
    "attempts-per-customer",
    values["attempts-per-customer"],
    DEFAULT_ATTEMPTS_PER_CUSTOMER,
  );
  const seed = positiveInteger("seed", values.seed, DEFAULT_SEED, 0);

  const started = Date.now();
  const log = (message: string) =>
    console.log(`[seed ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  log(
    `Generating ${customers.toLocaleString("en-GB")} customers, ~${attemptsPerCustomer} login attempts each, seed ${seed} ...`,
  );
  try {
    const report = await seedDemoData(url, {
      customers,
      attemptsPerCustomer,
      seed,
      reset: values.reset,
      log,
    });
    printReport(report);
  } catch (error) {
    if (error instanceof DemoDataRefusedError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (process.env.NODE_ENV !== "production") {
    console.log("");
    printDemoStaff((message) => console.log(message));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
