// The one PostgreSQL that every app instance of a system test shares: an embedded server in its own
// data folder (fresh each run), migrated and seeded with demo data the way `npm start` does it on
// first start. The fault test stops it and starts it again on the same port, under a running app.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemoData } from "../../scripts/demo-data";
import { onTestProcessEnd } from "./cleanup";

const DATABASE_NAME = "desk";

export type SystemDatabase = {
  /** The app's database (what every instance gets as DATABASE_URL). */
  url: string;
  /** Fast shutdown (SIGINT: open connections are terminated), as in a failover or a restart. */
  stop: () => Promise<void>;
  /** Starts the stopped server again on the same port, so the app's DATABASE_URL stays right. */
  start: () => Promise<void>;
  /** Stops it for good, at the end of the tests. */
  dispose: () => Promise<void>;
  /** One statement on a connection of its own, for arranging and checking rows. */
  query: <Row extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<Row[]>;
};

export async function startSystemDatabase({
  dataDir,
  demoCustomers,
}: {
  dataDir: string;
  demoCustomers: number;
}): Promise<SystemDatabase> {
  let server: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, fresh: true });
  const port = server.port;
  // If the test process ends without stop(), PostgreSQL would outlive it: shut it down immediately.
  const forget = onTestProcessEnd(() => {
    const pidFile = path.resolve(dataDir, "cluster", "postmaster.pid");
    if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, "utf8").split("\n")[0]), "SIGQUIT");
  });
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    await server.stop();
  };
  const dispose = async () => {
    await stop();
    forget();
  };

  const url = withDatabase(server.url, DATABASE_NAME);
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${DATABASE_NAME}"`);
    } finally {
      await admin.end();
    }
    await migrateDatabase(url);
    await seedDemoData(url, { customers: demoCustomers });
  } catch (error) {
    await dispose();
    throw error;
  }

  return {
    url,
    stop,
    dispose,
    async start() {
      if (running) return;
      server = await startEmbeddedPostgres({ dataDir, port });
      running = true;
    },
    async query<Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<Row>(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
  };
}
