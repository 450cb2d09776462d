// What the HTTP benchmarks (bench:ingest, bench:load) share: build the app when the build is stale,
// pick a port, start the production server through the launcher with its own fresh embedded
// PostgreSQL, stop it, and reach that database directly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import path from "node:path";

type Log = (message: string) => void;

function newestSourceTime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      if (entry.endsWith(path.join("lib", "generated"))) return;
      for (const name of readdirSync(entry)) visit(path.join(entry, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of [
    "app",
    "components",
    "lib",
    "content",
    "public",
    "next.config.mjs",
    "proxy.ts",
    "package.json",
    "tsconfig.json",
    "prisma/schema.prisma",
  ])
    visit(entry);
  return newest;
}

/** Runs `npm run build` when .next is missing or older than the sources (unless skipBuild). */
export function buildIfNeeded(skipBuild: boolean, log: Log): void {
  const buildId = path.join(".next", "BUILD_ID");
  const stale = !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime();
  if (!stale) {
    log("Production build is up to date.");
    return;
  }
  if (skipBuild && existsSync(buildId)) {
    log("The build looks stale but --skip-build was given: using it anyway.");
    return;
  }
  log("Building the app (npm run build) ...");
  const result = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export type ServerOptions = {
  port: number;
  dataDir: string;
  /** Added to the server's environment (e.g. SEED_DEMO_DATA, raised limits). */
  env?: Record<string, string>;
  /** Set this for servers whose first start seeds demo data: that takes longer than a bare start. */
  timeoutMs?: number;
};

/**
 * `launch.ts demo --fresh` on 127.0.0.1:port, resolved once /api/health answers. The server's
 * output is kept and shown only if it fails to start.
 */
export async function startServer({
  port,
  dataDir,
  env: extra = {},
  timeoutMs = 180_000,
}: ServerOptions): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "1", NEXT_TELEMETRY_DISABLED: "1", ...extra };
  delete env.DATABASE_URL; // always the fresh embedded database, never the developer's
  // BENCH_SERVER_NODE_OPTIONS becomes the server's NODE_OPTIONS, e.g. "--require ./profile-hook.cjs"
  // to profile it through node:inspector: Node refuses --cpu-prof in NODE_OPTIONS.
  if (process.env.BENCH_SERVER_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS;
  const child = spawn(
    "node_modules/.bin/tsx",
    [
      "scripts/launch.ts",
      "demo",
      "--data-dir",
      dataDir,
      "--fresh",
      "--",
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`The server did not become healthy within ${timeoutMs / 1000} s:\n${output}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  return !isAlive(pid);
}

/**
 * Stops the launcher (which stops Next, then its PostgreSQL), then makes sure that PostgreSQL in
 * dataDir is gone: on a busy machine the launcher can outlast the wait below and be killed, or
 * lose its output pipe when this process ends, before it stops the database.
 */
export async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  const postmaster = postmasterPid(dataDir);
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  if (postmaster === undefined || (await waitForExit(postmaster, 30_000))) return;
  // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops cleanly.
  process.kill(postmaster, "SIGINT");
  if (!(await waitForExit(postmaster, 20_000))) process.kill(postmaster, "SIGKILL");
}

/** The connection string of the embedded database the launcher started in dataDir. */
export function databaseUrl(dataDir: string): string {
  const root = path.resolve(dataDir);
  const port = readFileSync(path.join(root, "cluster", "postmaster.pid"), "utf8")
    .split("\n")[3]
    ?.trim();
  const password = readFileSync(path.join(root, "password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/desk`;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): what each path costs in CPU time, whatever else runs on the machine
// ---------------------------------------------------------------------------------------------

const TICKS_PER_SECOND = 100;

type ProcStat = { pid: number; ppid: number; own: number; children: number };

function readProcStats(): ProcStat[] {
  if (!existsSync("/proc/self/stat")) return [];
  const stats: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command (which may contain spaces) start after the last ")".
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        own: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
        children: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
      });
    } catch {
      // the process ended while we looked
    }
  }
  return stats;
}

/** CPU seconds used so far by a process and its descendants, ended ones included (once reaped). */
function treeCpuSeconds(stats: readonly ProcStat[], root: number | undefined): number {
  if (root === undefined) return 0;
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    const stat = stats.find((entry) => entry.pid === pid);
    if (!stat) continue;
    total += stat.own + stat.children;
    for (const child of stats) if (child.ppid === pid) queue.push(child.pid);
  }
  return total;
}

export type CpuSample = { server: number; postgres: number; bench: number };

function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(path.resolve(dataDir), "cluster", "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const line = readFileSync(file, "utf8").split("\n")[0];
  return line ? Number(line) : undefined;
}

/** CPU seconds so far of the app server (launcher and Next), its PostgreSQL, and this process. */
export function sampleCpu(server: ChildProcess, dataDir: string): CpuSample {
  const stats = readProcStats();
  const usage = process.cpuUsage();
  const postmaster = postmasterPid(dataDir);
  const postgres = treeCpuSeconds(stats, postmaster);
  // The launcher's tree also holds PostgreSQL when the launcher started it: count it once.
  const launcherTree = treeCpuSeconds(stats, server.pid);
  return {
    server: Math.max(0, launcherTree - (launcherOwnsPostgres(stats, server.pid, postmaster) ? postgres : 0)),
    postgres,
    bench: (usage.user + usage.system) / 1e6,
  };
}

function launcherOwnsPostgres(
  stats: readonly ProcStat[],
  launcher: number | undefined,
  postmaster: number | undefined,
): boolean {
  let pid = postmaster;
  while (pid !== undefined && pid > 1) {
    if (pid === launcher) return true;
    pid = stats.find((entry) => entry.pid === pid)?.ppid;
  }
  return false;
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return {
    server: after.server - before.server,
    postgres: after.postgres - before.postgres,
    bench: after.bench - before.bench,
  };
}

// ---------------------------------------------------------------------------------------------
// Several instances behind one port (bench:load --instances N)
// ---------------------------------------------------------------------------------------------

/**
 * One more app instance on the database of a server started by startServer: the launcher with
 * DATABASE_URL set starts no PostgreSQL and, the database not being empty, seeds nothing. It reads
 * the same generated development secrets, so a session signed in on one instance is valid on all.
 */
export async function startExtraServer({
  port,
  databaseUrl: url,
  env: extra = {},
  timeoutMs = 180_000,
}: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
    DATABASE_URL: url,
  };
  const child = spawn(
    "node_modules/.bin/tsx",
    ["scripts/launch.ts", "demo", "--", "--port", String(port), "--hostname", "127.0.0.1"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The extra server exited early:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`The extra server did not become healthy within ${timeoutMs / 1000} s:\n${output}`);
}

/** Stops an instance from startExtraServer (it owns no database). */
export async function stopExtraServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/**
 * A TCP round robin on 127.0.0.1:port over the instances' ports, one connection at a time: the
 * bench's keep-alive connections are spread evenly, as a load balancer without stickiness would.
 * It runs in the bench process, whose CPU is reported apart from the servers'.
 */
export function startRoundRobin(port: number, targets: readonly number[]): Promise<Server> {
  let next = 0;
  const server = createServer((socket) => {
    const target = targets[next++ % targets.length] ?? targets[0];
    const upstream = connect(target ?? port, "127.0.0.1");
    socket.pipe(upstream).pipe(socket);
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on("error", close);
    upstream.on("error", close);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** CPU seconds of several app servers (and the one PostgreSQL of the first). */
export function sampleCpuAll(servers: readonly ChildProcess[], dataDir: string): CpuSample {
  const [first, ...rest] = servers;
  if (!first) throw new Error("no server to sample");
  const total = sampleCpu(first, dataDir);
  for (const server of rest) {
    const sample = sampleCpu(server, dataDir);
    // An extra instance's tree holds no PostgreSQL: its launcher tree is all app.
    total.server += sample.server;
  }
  return total;
}
