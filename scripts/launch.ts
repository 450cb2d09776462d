// The launcher behind `npm run dev`, `npm run demo`, `npm start` and the database scripts.
//
//   tsx scripts/launch.ts dev|demo|start [--data-dir DIR] [--fresh] [-- --port N --hostname H]
//   tsx scripts/launch.ts run [--data-dir DIR] [--fresh] -- <command> [args...]
//
// With DATABASE_URL set it uses that server and starts nothing. Without it, it starts (or reuses) an
// embedded PostgreSQL under .data/, owns it, runs the child with DATABASE_URL, forwards signals and
// stops PostgreSQL when the child ends. Exactly one process owns the embedded server; Next's
// workers only read DATABASE_URL.
//
// The three server modes differ in what they trust:
// - dev:   development server on 127.0.0.1, generated secrets, demo data (with its published staff
//          passwords) written into an empty database.
// - demo:  the production build on 127.0.0.1 only, generated secrets, demo data; prints a warning.
//          For trying the desk and for the test suites, never for real use.
// - start: production. Refuses to start without APP_URL and real secrets (lib/env.ts), never
//          writes demo data, and the server refuses the demo staff accounts if a database has them.
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrateDatabase } from "../lib/db/migrate";
import { applyDevSecrets } from "./launch/dev-secrets";
import { startDemoIdentitySystem } from "./launch/demo-identity-system";
import { seedDemoData } from "./demo-data";
import { printDemoStaff } from "./demo-data/print-demo-staff";
import { parseEnv } from "../lib/env";

const DATABASE_NAME = "desk";

type Mode = "dev" | "demo" | "start" | "run";

function isMode(value: string | undefined): value is Mode {
  return value === "dev" || value === "demo" || value === "start" || value === "run";
}

function parseArgs(argv: string[]) {
  const [mode, ...rest] = argv;
  if (!isMode(mode)) {
    throw new Error("usage: launch.ts dev|demo|start|run [--data-dir DIR] [--fresh] [-- command ...]");
  }
  const separator = rest.indexOf("--");
  const own = separator === -1 ? rest : rest.slice(0, separator);
  const passThrough = separator === -1 ? [] : rest.slice(separator + 1);
  const dataDirIndex = own.indexOf("--data-dir");
  const dataDir = dataDirIndex === -1 ? ".data/pg" : own[dataDirIndex + 1];
  if (!dataDir) throw new Error("--data-dir needs a folder");
  return { mode, dataDir, fresh: own.includes("--fresh"), passThrough };
}

function log(message: string) {
  process.stdout.write(`\x1b[36m[desk]\x1b[0m ${message}\n`);
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ empty: boolean }>(
      "SELECT NOT (EXISTS (SELECT 1 FROM staff_users) OR EXISTS (SELECT 1 FROM customers)) AS empty",
    );
    return rows[0]?.empty ?? false;
  } finally {
    await client.end();
  }
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** The server's listen address: development and demo listen on loopback only. */
function serverArgs(
  mode: "dev" | "demo" | "start",
  passThrough: string[],
): { port: number; hostname: string; args: string[] } {
  const port = Number(option(passThrough, "--port") ?? 3000);
  const hostname = option(passThrough, "--hostname") ?? (mode === "start" ? "0.0.0.0" : "127.0.0.1");
  if (mode !== "start" && !LOOPBACK.has(hostname)) {
    throw new Error(
      `${mode} mode listens on 127.0.0.1 only: its accounts and secrets are public. Use \`npm start\` with real secrets to serve ${hostname}.`,
    );
  }
  return { port, hostname, args: ["--port", String(port), "--hostname", hostname] };
}

function childCommand(mode: Mode, passThrough: string[]): [string, string[]] {
  if (mode === "run") {
    const [command, ...args] = passThrough;
    if (!command) throw new Error("launch.ts run needs a command after --");
    return [command, args];
  }
  const server = mode === "dev" ? "dev" : "start";
  return [
    "node_modules/.bin/tsx",
    ["scripts/launch/serve.ts", server, ...serverArgs(mode, passThrough).args],
  ];
}

// A server render allocates a lot of short-lived objects; with V8's default young generation
// (16 MB semi-spaces) the scavenger ran often enough to take ~10 % of the server's CPU under
// console load. 64 MB semi-spaces cut CPU per customer-page view by ~20 % in `bench:load`
// (docs/performance/console-speed.md) for up to ~100 MB more memory. Anything the operator put in
// NODE_OPTIONS comes later, so it wins.
const SERVER_NODE_OPTIONS = "--max-semi-space-size=64";

function serverNodeOptions(): string {
  return [SERVER_NODE_OPTIONS, process.env.NODE_OPTIONS].filter(Boolean).join(" ");
}

const DEMO_WARNING = [
  "DEMO MODE: published staff passwords and generated secrets.",
  "Listening on this computer only. Never put this desk on a network.",
  "For real use: npm run build, then npm start with APP_URL and secrets.",
];
const DEMO_BANNER = [
  "",
  `  ┌${"─".repeat(72)}┐`,
  ...DEMO_WARNING.map((line) => `  │ ${line.padEnd(70)} │`),
  `  └${"─".repeat(72)}┘`,
  "",
].join("\n");

async function main() {
  const { mode, dataDir, fresh, passThrough } = parseArgs(process.argv.slice(2));
  const external = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;

  if (mode !== "run") Object.assign(process.env, { NODE_ENV: mode === "dev" ? "development" : "production" });
  if (mode === "demo") process.env.DESK_DEMO = "1";
  // The demo's identity system listens on loopback beside the desk (scripts/launch/demo-identity-system.ts).
  if (mode === "demo") process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORK ??= "1";
  if (mode !== "run") {
    const { port, hostname } = serverArgs(mode, passThrough);
    const local = `http://${LOOPBACK.has(hostname) || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname}:${port}`;
    // Development and demo links point at this machine; production must say where it is served.
    if (mode !== "start") process.env.APP_URL ??= local;
  }
  // Secrets: generated for local use only. Production brings its own (lib/env.ts refuses to start without).
  if (mode !== "start") applyDevSecrets(process.env);
  // Checked before anything starts: one line per missing or malformed variable.
  const settings = parseEnv(process.env);
  // next-auth reads NEXTAUTH_URL itself; it is always the public address.
  if (settings.APP_URL) process.env.NEXTAUTH_URL = settings.APP_URL;

  let url: string;
  if (external) {
    url = external;
  } else {
    embedded = await startEmbeddedPostgres({ dataDir, fresh, log });
    url = await ensureDatabase(embedded.url, DATABASE_NAME);
  }

  // Set once the child runs; signal handlers registered before that read it.
  const running: { child?: ChildProcess } = {};
  const stopDatabase = async () => {
    if (embedded?.owned) {
      await embedded.stop();
      log("Embedded PostgreSQL stopped.");
    }
  };
  // Until the child runs, a signal stops PostgreSQL and exits; afterwards it is forwarded.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (running.child && running.child.exitCode === null) running.child.kill(signal);
      else void stopDatabase().then(() => process.exit(130));
    });
  }

  try {
    if (mode !== "run") {
      if (settings.SKIP_MIGRATIONS !== "1") {
        const { applied } = await migrateDatabase(url, { log });
        if (applied.length) log(`Applied ${applied.length} migration(s).`);
      }
      // Demo data carries published staff passwords: never in production.
      const seedAllowed = mode === "dev" || mode === "demo";
      if (seedAllowed && settings.SEED_DEMO_DATA !== "0" && (await isEmpty(url))) {
        log("Empty database: writing demo data (once) ...");
        const report = await seedDemoData(url, { customers: settings.DEMO_CUSTOMERS, log });
        log(`Demo data ready in ${report.seconds.toFixed(1)} s.`);
      }
      if (seedAllowed && settings.SEED_DEMO_DATA !== "0")
        await startDemoIdentitySystem(url, serverArgs(mode, passThrough).port, log);
      if (mode === "dev" && !process.env.CI) printDemoStaff(log);
      if (mode === "demo") process.stdout.write(`${DEMO_BANNER}\n`);
    }
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const [command, args] = childCommand(mode, passThrough);
  const child = spawn(command, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(mode === "run" ? {} : { NODE_OPTIONS: serverNodeOptions() }),
    },
  });
  running.child = child;
  const code = await new Promise<number>((resolve) => {
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 128 + 2 : 1)));
    child.on("error", (error) => {
      log(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
  });
  await stopDatabase();
  process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
