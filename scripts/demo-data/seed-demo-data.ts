// The demo data generator: the identity system's side of a shop with `customers` customers and
// months of sign-in history, plus the stories of stories.ts and the demo staff.
//
// Deterministic: the same options give the same rows (except the database's own uuids); ordinary
// history is anchored to the UTC day of `now`, the stories to `now` itself (see historyClock). Customers are generated and written in chunks of CUSTOMERS_PER_CHUNK with a
// generator seeded from (seed, chunk index), so a chunk never depends on another one, memory stays
// flat whatever the size, and a chunk is generated while the previous ones are being written.
import { Faker, base, de, en, es, fr, nl } from "@faker-js/faker";
import pg from "pg";
import { historyClock, makeCustomerProfile, type Clock, type NameFakers } from "./customer-profile";
import { writeCustomerHistory } from "./customer-history";
import { DemoIds, DemoRows, type TableCounts } from "./demo-rows";
import { Random, mixSeed } from "./random";
import { writeDemoStaff } from "./write-staff";
import { STORY_BLOCK, writeStories } from "./write-stories";

export const DEFAULT_SEED = 20_261_127;
export const DEFAULT_ATTEMPTS_PER_CUSTOMER = 40;
export const CUSTOMERS_PER_CHUNK = 1_000;

export type SeedOptions = {
  customers: number;
  /** Average login attempts per customer over the history (each customer varies around it). */
  attemptsPerCustomer?: number;
  seed?: number;
  /** The moment the stories are placed before; defaults to the current time. */
  now?: Date;
  /** Empty the domain tables first; without it a database that has customers is refused. */
  reset?: boolean;
  /** Connections writing chunks in parallel (default 2: one chunk is written while the next is generated). */
  writers?: number;
  log?: (message: string) => void;
};

export type SeedReport = {
  /** Rows written per table. */
  tables: TableCounts;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
  customers: number;
  seed: number;
  now: Date;
};

/** Thrown instead of writing into a database that already holds customers (and no reset was asked). */
export class DemoDataRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DemoDataRefusedError";
  }
}

export async function seedDemoData(connectionString: string, options: SeedOptions): Promise<SeedReport> {
  const {
    customers,
    attemptsPerCustomer = DEFAULT_ATTEMPTS_PER_CUSTOMER,
    seed = DEFAULT_SEED,
    reset = false,
    writers = 2,
    log,
  } = options;
  if (!Number.isInteger(customers) || customers < 0 || customers >= STORY_BLOCK * CUSTOMERS_PER_CHUNK) {
    throw new RangeError(
      `customers must be a whole number from 0 to ${STORY_BLOCK * CUSTOMERS_PER_CHUNK - 1}`,
    );
  }
  if (!Number.isFinite(attemptsPerCustomer) || attemptsPerCustomer < 1)
    throw new RangeError("attemptsPerCustomer must be at least 1");
  if (!Number.isSafeInteger(seed)) throw new RangeError("seed must be an integer");
  if (!Number.isInteger(writers) || writers < 1 || writers > 8)
    throw new RangeError("writers must be from 1 to 8");
  const now = (options.now ?? new Date()).getTime();

  const started = performance.now();
  const clients = Array.from(
    { length: writers },
    () => new pg.Client({ connectionString, application_name: "demo-data-seed" }),
  );
  await Promise.all(clients.map((client) => client.connect()));
  try {
    const main = clients[0] as pg.Client;
    for (const client of clients) {
      // Seeding can be redone from scratch, so it need not wait for each commit to reach disk.
      await client.query("SET synchronous_commit TO off");
    }
    await prepareDatabase(main, reset, log);

    const tables: TableCounts = {};
    const add = (counts: TableCounts) => {
      for (const [table, n] of Object.entries(counts)) tables[table] = (tables[table] ?? 0) + n;
    };

    const staffIds = await writeDemoStaff(main, now, log);
    add({ staff_users: Object.keys(staffIds).length });

    const ids = new DemoIds(seed);
    const clock = historyClock(now, 10 * 60_000);
    await writeGeneratedCustomers({
      clients,
      ids,
      clock,
      customers,
      attemptsPerCustomer,
      seed,
      add,
      log,
      started,
    });

    log?.("Writing the stories (stuffing, OTP bombing, takeover, scam calls, cases) ...");
    add(await writeStories({ client: main, ids, seed, now, staffIds }));

    // Fresh statistics, so the console's first queries on a big table get good plans.
    await main.query("ANALYZE");

    const seconds = (performance.now() - started) / 1000;
    const totalRows = Object.values(tables).reduce((sum, n) => sum + n, 0);
    return {
      tables,
      totalRows,
      seconds,
      rowsPerSecond: totalRows / seconds,
      customers,
      seed,
      now: new Date(now),
    };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}

async function prepareDatabase(client: pg.ClientBase, reset: boolean, log?: (message: string) => void) {
  const { rows } = await client.query<{ has_customers: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM customers) AS has_customers",
  );
  if (!rows[0]?.has_customers) return;
  if (!reset) {
    throw new DemoDataRefusedError(
      "The database already has customers. Refusing to add demo data on top; pass --reset to empty the domain tables first.",
    );
  }
  // Tables that refuse TRUNCATE by trigger (the append-only audit log) are kept as they are: a reset
  // of demo data is no reason to get round the audit log's protection.
  const tables = await client.query<{ name: string; protected: boolean }>(
    `SELECT quote_ident(c.relname) AS name,
            EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal AND t.tgenabled <> 'D'
                      AND (t.tgtype & 32) <> 0) AS protected
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`,
  );
  const emptied = tables.rows.filter((table) => !table.protected).map((table) => table.name);
  const kept = tables.rows.filter((table) => table.protected).map((table) => table.name);
  log?.(
    `--reset: emptying ${emptied.length} tables${kept.length ? ` (keeping ${kept.join(", ")}, which refuses TRUNCATE)` : ""} ...`,
  );
  await client.query(`TRUNCATE ${emptied.join(", ")} RESTART IDENTITY CASCADE`);
}

function makeNameFakers(): NameFakers {
  return {
    fr: new Faker({ locale: [fr, en, base] }),
    de: new Faker({ locale: [de, en, base] }),
    es: new Faker({ locale: [es, en, base] }),
    nl: new Faker({ locale: [nl, en, base] }),
  };
}

type GenerateInput = {
  clients: pg.Client[];
  ids: DemoIds;
  clock: Clock;
  customers: number;
  attemptsPerCustomer: number;
  seed: number;
  add: (counts: TableCounts) => void;
  log?: (message: string) => void;
  started: number;
};

async function writeGeneratedCustomers({
  clients,
  ids,
  clock,
  customers,
  attemptsPerCustomer,
  seed,
  add,
  log,
  started,
}: GenerateInput) {
  const chunks = Math.ceil(customers / CUSTOMERS_PER_CHUNK);
  const fakers = makeNameFakers();
  // One promise chain per connection: chunk k waits for connection k % n to finish its last write.
  const slots: Promise<void>[] = clients.map(() => Promise.resolve());
  // Every write has its error handler attached at once (an unhandled rejection would end the
  // process); the first failure stops the loop and is rethrown once all writes have settled.
  const state: { failure: Error | null } = { failure: null };
  let written = 0;
  let rowsWritten = 0;
  let lastLog = performance.now();

  for (let chunk = 0; chunk < chunks; chunk++) {
    const slot = chunk % clients.length;
    await slots[slot];
    if (state.failure) break;
    const rows = await generateChunk({ chunk, ids, clock, customers, attemptsPerCustomer, seed, fakers });
    const client = clients[slot] as pg.Client;
    slots[slot] = rows.write(client).then(
      ({ counts }) => {
        add(counts);
        written += counts.customers ?? 0;
        rowsWritten += Object.values(counts).reduce((sum, n) => sum + n, 0);
        const nowMs = performance.now();
        if (log && (nowMs - lastLog > 5_000 || written === customers)) {
          lastLog = nowMs;
          const seconds = (nowMs - started) / 1000;
          log(
            `customers ${written.toLocaleString("en-GB")}/${customers.toLocaleString("en-GB")} · ` +
              `${rowsWritten.toLocaleString("en-GB")} rows · ${Math.round(rowsWritten / seconds).toLocaleString("en-GB")} rows/s`,
          );
        }
      },
      (error: unknown) => {
        state.failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
  }
  await Promise.all(slots);
  if (state.failure) throw state.failure;
}

type ChunkInput = {
  chunk: number;
  ids: DemoIds;
  clock: Clock;
  customers: number;
  attemptsPerCustomer: number;
  seed: number;
  fakers: NameFakers;
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Generates one chunk's rows; yields now and then so writes in flight keep flowing meanwhile. */
async function generateChunk({
  chunk,
  ids,
  clock,
  customers,
  attemptsPerCustomer,
  seed,
  fakers,
}: ChunkInput): Promise<DemoRows> {
  const rng = new Random(mixSeed(seed, chunk));
  Object.values(fakers).forEach((faker, i) => faker.seed(mixSeed(seed, chunk, i)));
  const rows = new DemoRows(ids, chunk);
  const first = chunk * CUSTOMERS_PER_CHUNK;
  const last = Math.min(first + CUSTOMERS_PER_CHUNK, customers);
  for (let index = first; index < last; index++) {
    const profile = makeCustomerProfile({
      rng,
      fakers,
      rows,
      clock,
      index,
      externalId: ids.customer.id(index),
    });
    // Activity varies: some customers sign in weekly, some almost daily.
    const attempts = Math.max(1, Math.round(attemptsPerCustomer * rng.between(0.3, 1.7)));
    writeCustomerHistory(rows, rng, profile, clock, attempts);
    if ((index - first) % 200 === 199) await yieldToEventLoop();
  }
  return rows;
}
