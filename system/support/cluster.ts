// A small deployment for system tests: one PostgreSQL, N production instances of the app on
// consecutive ports, all with the same secrets, as behind a load balancer. stop() ends everything
// (also after a failed start), so a failing test leaves no server or database running.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { generateApiKey } from "@/lib/api-keys/key-material";
import { NextInstance } from "./next-instance";
import { startSystemDatabase, type SystemDatabase } from "./system-database";

export type Cluster = {
  database: SystemDatabase;
  instances: NextInstance[];
  /** The secrets every instance shares (docs/running-several-instances.md). */
  sharedEnv: Record<string, string>;
  stop: () => Promise<void>;
};

type ClusterOptions = {
  /** Data folder under .data/ (fresh each run); server logs go there too. */
  dataDir: string;
  firstPort: number;
  instances: number;
  /** Limits and other settings on top of the shared secrets. */
  env?: Record<string, string>;
  demoCustomers?: number;
};

export async function startCluster({
  dataDir,
  firstPort,
  instances: count,
  env = {},
  demoCustomers = 100,
}: ClusterOptions): Promise<Cluster> {
  const totpKeys = process.env.TOTP_ENCRYPTION_KEYS;
  if (!totpKeys)
    throw new Error(
      "TOTP_ENCRYPTION_KEYS must be set (vitest.system.config.ts sets it): the demo staff are seeded with it",
    );
  const database = await startSystemDatabase({ dataDir, demoCustomers });
  const publicUrl = `http://127.0.0.1:${firstPort}`;
  const sharedEnv = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOTP_ENCRYPTION_KEYS: totpKeys,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // One public address for the whole deployment, as a load balancer gives it.
    APP_URL: publicUrl,
    NEXTAUTH_URL: publicUrl,
    // The system tests stand in for a load balancer: each request names its client address.
    TRUST_PROXY: "1",
    // The published demo staff sign in (a production server refuses them otherwise).
    DESK_DEMO: "1",
    ...env,
  };
  const instances = Array.from(
    { length: count },
    (_, index) =>
      new NextInstance({
        name: `instance-${String.fromCharCode(97 + index)}`,
        port: firstPort + index,
        env: sharedEnv,
        logDir: path.resolve(dataDir),
      }),
  );
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.dispose();
  };
  try {
    // One after the other: two cold starts at once on a 2-core machine only make both slower.
    for (const instance of instances) await instance.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { database, instances, sharedEnv, stop };
}

/** An API key with the events:write scope, written straight to the database (as an admin would create it). */
export async function createIngestKey(
  database: SystemDatabase,
  name: string,
): Promise<{ id: string; key: string }> {
  const material = generateApiKey();
  const [row] = await database.query<{ id: string }>(
    `INSERT INTO api_keys (name, prefix, secret_hash, scopes) VALUES ($1, $2, $3, ARRAY['EVENTS_WRITE']::"ApiScope"[]) RETURNING id`,
    [name, material.prefix, material.secretHash],
  );
  if (!row) throw new Error("API key insert returned no row");
  return { id: row.id, key: material.key };
}
