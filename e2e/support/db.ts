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

/** The desk's id of a demo customer, by the identity system's id for them. */
export async function customerIdOf(externalId: string): Promise<string> {
  return withE2eDatabase(
    async (db) =>
      (await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [externalId]))
        .rows[0]?.id ?? "",
  );
}

/** Privileged steps must ask for a fresh code: ages the step-up of every session of this person. */
export async function expireStepUp(email: string): Promise<void> {
  await withE2eDatabase((db) =>
    db.query(
      "UPDATE staff_sessions SET step_up_at = NULL WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)",
      [email],
    ),
  );
}
