// Direct access to the end-to-end server's database, for arranging state a test cannot reach
// through the UI and for checking what the app wrote (audit rows, outbox). The launcher keeps the
// cluster in .data/pg-e2e; its port is in PostgreSQL's own pid file.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export function e2eDatabaseUrl(dataDir = ".data/pg-e2e"): string {
  const root = path.resolve(dataDir);
  const port = readFileSync(path.join(root, "cluster", "postmaster.pid"), "utf8")
    .split("\n")[3]
    ?.trim();
  const password = readFileSync(path.join(root, "password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/desk`;
}

export async function withE2eDatabase<T>(
  work: (client: pg.Client) => Promise<T>,
  dataDir?: string,
): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl(dataDir) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
