// Runs in each test file's process before the file's own imports: copies the migrated template into
// a database of its own and points DATABASE_URL at it, so modules that read DATABASE_URL when they
// load (the Prisma client) see it. Tests that need a pg client use process.env.DATABASE_URL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { refreshEnv } from "@/lib/env";

const serverUrl = inject("databaseServerUrl");
const database = `${inject("testDatabasePrefix")}${randomBytes(6).toString("hex")}`;

await runAdminQuery(`CREATE DATABASE "${database}" TEMPLATE "${inject("templateDatabase")}"`);
const url = new URL(serverUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
refreshEnv();

// Registered before the test file's hooks, so it runs after them (Vitest runs after-hooks in reverse).
// FORCE ends connections the file left open, such as an idle Prisma pool.
afterAll(async () => {
  await runAdminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

async function runAdminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
