// Runs `migrate diff` of prisma-diff (Prisma 6.19 under an npm alias) and returns the SQL it prints.
// Shared by scripts/db-diff.ts (writing a new migration) and prisma/schema-drift.test.ts.
//
// Two workarounds for running Prisma 6 offline on a Prisma 7 schema:
// - Prisma 6 refuses a datasource block without `url`, which Prisma 7 no longer allows in the schema.
//   Each schema is copied to a temporary file with a placeholder url; the diff never connects to it.
// - prisma.config.ts (beside this file) selects the wasm schema engine with a pg driver adapter,
//   which needs a reachable PostgreSQL: the caller passes one as databaseUrl.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const configFile = fileURLToPath(new URL("./prisma.config.ts", import.meta.url));
const prismaDiffCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve("prisma-diff/package.json")),
  "build",
  "index.js",
);

const PLACEHOLDER_URL = "postgresql://unused@localhost:5432/unused";
const EMPTY_MIGRATION = "-- This is an empty migration.";

export type DiffInput = {
  /** Schema text to diff from; null diffs from an empty database. */
  fromSchema: string | null;
  /** Schema text to diff to. */
  toSchema: string;
  /** A reachable PostgreSQL for the driver adapter; nothing is written to it. */
  databaseUrl: string;
};

/** The SQL that turns `fromSchema` into `toSchema`, exactly as Prisma prints it; "" when they match. */
export async function diffSchemas({ fromSchema, toSchema, databaseUrl }: DiffInput): Promise<string> {
  const workDir = path.join(
    projectRoot,
    ".data",
    `prisma-diff-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  mkdirSync(workDir, { recursive: true });
  try {
    const toFile = path.join(workDir, "to.prisma");
    writeFileSync(toFile, withPlaceholderUrl(toSchema));
    const fromArgs = ["--from-empty"];
    if (fromSchema !== null) {
      const fromFile = path.join(workDir, "from.prisma");
      writeFileSync(fromFile, withPlaceholderUrl(fromSchema));
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    const args = [prismaDiffCli, "migrate", "diff", "--config", configFile, ...fromArgs];
    args.push("--to-schema-datamodel", toFile, "--script");
    const sql = await run(args, databaseUrl);
    return sql.trim() === EMPTY_MIGRATION ? "" : sql;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Adapts Prisma's output to how our migrator runs migrations (lib/db/migrate.ts):
 * - drops `CREATE SCHEMA IF NOT EXISTS "public"`, which Prisma 6 emits when diffing from empty: the
 *   schema always exists, and the statement needs CREATE rights on the database, which a
 *   least-privileged migration role may lack;
 * - drops the BEGIN;/COMMIT; lines Prisma puts around enum rewrites, because each migration already
 *   runs in one transaction and a COMMIT inside it would end that transaction early.
 */
export function adaptForMigrator(sql: string): { sql: string; notes: string[] } {
  const notes: string[] = [];
  let adapted = sql.replace(/-- CreateSchema\r?\nCREATE SCHEMA IF NOT EXISTS "public";\r?\n\r?\n?/g, () => {
    notes.push('Removed CREATE SCHEMA IF NOT EXISTS "public" (the schema always exists).');
    return "";
  });
  adapted = adapted.replace(/^[ \t]*(BEGIN|COMMIT);[ \t]*\r?\n/gim, (_line, statement: string) => {
    notes.push(`Removed a ${statement.toUpperCase()}; line (each migration runs in one transaction).`);
    return "";
  });
  return { sql: adapted, notes };
}

function withPlaceholderUrl(schema: string): string {
  return schema.replace(/(datasource\s+\w+\s*\{)([^}]*)\}/, (block, head: string, body: string) =>
    /^\s*url\s*=/m.test(body) ? block : `${head}${body}  url = "${PLACEHOLDER_URL}"\n}`,
  );
}

function run(args: string[], databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // No update check or telemetry: the machine is offline and the call would only add delay.
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(`prisma-diff migrate diff failed (exit ${code}):\n${stderr.trim() || stdout.trim()}`),
        );
    });
  });
}
