// The one PostgreSQL that every app instance of a system test shares: an embedded server in its own
// data folder (fresh each run), migrated and seeded with demo data the way `npm start` does it on
// first start. The fault test stops it and starts it again on the same port, under a running app.
import pg from "pg";
import { startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemoData } from "../../scripts/demo-data";

const DATABASE_NAME = "desk";

export type SystemDatabase = {
  /** The app's database (what every instance gets as DATABASE_URL). */
  url: string;
  /** Fast shutdown (SIGINT: open connections are terminated), as in a failover or a restart. */
  stop: () => Promise<void>;
  /** Starts the stopped server again on the same port, so the app's DATABASE_URL stays right. */
  start: () => Promise<void>;
  /** One statement on a connection of its own, for arranging and checking rows. */
  query: <Row extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<Row[]>;
};

export async function startSystemDatabase({ dataDir, demoCustomers }: { dataDir: string; demoCustomers: number }): Promise<SystemDatabase> {
  let server: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, fresh: true });
  const port = server.port;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server.url, DATABASE_NAME);
  await migrateDatabase(url);
  await seedDemoData(url, { customers: demoCustomers });

  let running = true;
  return {
    url,
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
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
