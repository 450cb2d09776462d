// Applies the SQL migrations in prisma/migrations without Prisma's CLI, which cannot run on machines
// that cannot download its native schema engine. It keeps Prisma's bookkeeping (the
// `_prisma_migrations` table, its columns, checksums and advisory lock key) so that a team with
// network access can run `prisma migrate deploy` / `migrate status` against the same database.
//
// No "server-only" import: the launcher and CLI scripts call this outside of Next.js.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type MigrateOptions = {
  /** Folder holding `<name>/migration.sql` folders; defaults to prisma/migrations of the project. */
  migrationsDir?: string;
  log?: (message: string) => void;
};

export type MigrationErrorKind =
  | "checksum-mismatch"
  | "missing-migration"
  | "failed-migration"
  | "missing-script"
  | "transaction-statement"
  | "apply-failed";

/** A refusal to migrate (or a migration that failed and was rolled back); `message` says what to do. */
export class MigrationError extends Error {
  readonly kind: MigrationErrorKind;
  readonly migrationName: string;

  constructor(
    kind: MigrationErrorKind,
    migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MigrationError";
    this.kind = kind;
    this.migrationName = migrationName;
  }
}

// Prisma's own key: while our migrator holds it, `prisma migrate deploy` waits too, and the other way round.
const ADVISORY_LOCK_KEY = 72707369;

// The table exactly as Prisma's schema engine creates it for PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

type LocalMigration = { name: string; script: string; checksum: string; altChecksum: string };

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

export async function migrateDatabase(
  connectionString: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  // process.cwd(): npm scripts, the launcher and Vitest all run from the project root.
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations");
  const log = options.log ?? (() => {});
  const local = await readLocalMigrations(migrationsDir);

  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Session-level lock on this connection: a second migrator (another app instance starting at
    // the same moment) waits here, then finds everything applied. If this process dies, PostgreSQL
    // ends the session and releases the lock.
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      ADVISORY_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) {
      log("Another process is migrating this database; waiting for it to finish...");
      await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    }
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const recorded = await client.query<MigrationRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
           FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
      );
      const pending = findPendingMigrations(local, recorded.rows);
      const applied: string[] = [];
      for (const migration of pending) {
        log(`Applying migration ${migration.name}`);
        await applyMigration(client, migration);
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function readLocalMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  // Code-unit order, which for Prisma's `<UTC timestamp>_<name>` folders is the order Prisma uses.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (!existsSync(file)) {
      throw new MigrationError(
        "missing-script",
        name,
        `Migration folder ${name} has no migration.sql. Add the SQL file or delete the folder, then migrate again.`,
      );
    }
    const bytes = await readFile(file);
    const script = bytes.toString("utf8");
    migrations.push({
      name,
      script,
      checksum: sha256(bytes),
      // A checkout with CRLF line endings (git autocrlf on Windows) must not count as an edit.
      altChecksum: sha256(Buffer.from(script.replace(/\r\n/g, "\n"), "utf8")),
    });
  }
  return migrations;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Checks the recorded history against the folder and returns what is left to apply, in order. */
function findPendingMigrations(local: LocalMigration[], recorded: MigrationRow[]): LocalMigration[] {
  const localByName = new Map(local.map((migration) => [migration.name, migration]));

  const failed = recorded.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    const reason = failed.logs ? `\nWhat went wrong: ${firstLine(failed.logs)}` : "";
    throw new MigrationError(
      "failed-migration",
      failed.migration_name,
      `Migration ${failed.migration_name} is recorded as failed in _prisma_migrations, so no further migration runs.${reason}\n` +
        `Our migrator rolls a failed migration back, so nothing of it was applied (check the database if it ` +
        `was applied by another tool). Fix migration.sql, then mark the failure as rolled back:\n` +
        `  UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}' ` +
        `AND finished_at IS NULL AND rolled_back_at IS NULL;\n` +
        `(or \`prisma migrate resolve --rolled-back ${failed.migration_name}\`) and migrate again.`,
    );
  }

  const applied = recorded.filter((row) => row.finished_at !== null && row.rolled_back_at === null);
  const appliedNames = new Set<string>();
  for (const row of applied) {
    appliedNames.add(row.migration_name);
    const migration = localByName.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(
        "missing-migration",
        row.migration_name,
        `Migration ${row.migration_name} was applied to this database but its folder is missing from prisma/migrations. ` +
          `Restore the folder from version control (git log -- prisma/migrations/${row.migration_name}); ` +
          `applied migrations must never be deleted or renamed. If this database belongs to another branch, point ` +
          `DATABASE_URL at a database of this branch instead.`,
      );
    }
    if (row.checksum !== migration.checksum && row.checksum !== migration.altChecksum) {
      throw new MigrationError(
        "checksum-mismatch",
        row.migration_name,
        `Migration ${row.migration_name} has changed since it was applied to this database ` +
          `(recorded checksum ${row.checksum.slice(0, 12)}..., file now ${migration.checksum.slice(0, 12)}...). ` +
          `Applied migrations are immutable: restore the file (git checkout -- prisma/migrations/${row.migration_name}/migration.sql) ` +
          `and put the change in a new migration (npm run db:diff -- --name <change>). ` +
          `For a throwaway development database, delete .data/ and start again.`,
      );
    }
  }

  const pending = local.filter((migration) => !appliedNames.has(migration.name));
  for (const migration of pending) assertNoTransactionStatements(migration);
  return pending;
}

// Every migration runs inside one transaction of ours; a COMMIT in the file would end it early and
// leave the rest of the file (and its bookkeeping) outside, so such files are refused up front.
// Prisma writes BEGIN;/COMMIT; around some enum changes: db:diff removes them.
const TRANSACTION_STATEMENT =
  /^\s*(BEGIN|COMMIT|ROLLBACK|END|START\s+TRANSACTION|BEGIN\s+TRANSACTION)\s*;\s*$/i;

function assertNoTransactionStatements(migration: LocalMigration): void {
  const lines = migration.script.split(/\r?\n/);
  let insideDollarQuote = false;
  for (const [index, line] of lines.entries()) {
    // `END;` closes PL/pgSQL blocks inside $$ ... $$ function bodies: only look outside them.
    const dollarQuotes = line.match(/\$[A-Za-z_]*\$/g)?.length ?? 0;
    if (!insideDollarQuote && TRANSACTION_STATEMENT.test(line)) {
      throw new MigrationError(
        "transaction-statement",
        migration.name,
        `Migration ${migration.name} contains a transaction statement on line ${index + 1} (${line.trim()}). ` +
          `Each migration already runs in its own transaction; remove the BEGIN/COMMIT lines and migrate again. ` +
          `Statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY) are not supported.`,
      );
    }
    if (dollarQuotes % 2 === 1) insideDollarQuote = !insideDollarQuote;
  }
}

async function applyMigration(client: pg.Client, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    // Recorded the way `prisma migrate deploy` records it (row first, finished_at and the step count
    // once the script ran), but in the same transaction, so a crash leaves neither schema nor row.
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.script);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const detail = describePostgresError(error, migration.script);
    // Record the failure as Prisma would (finished_at and rolled_back_at empty, logs set), so that
    // every later run stops until someone has looked at it.
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs, applied_steps_count)
         VALUES ($1, $2, $3, clock_timestamp(), $4, 0)`,
        [id, migration.checksum, migration.name, `Migration ${migration.name} failed: ${detail}`],
      )
      .catch(() => {});
    throw new MigrationError(
      "apply-failed",
      migration.name,
      `Migration ${migration.name} failed and was rolled back, so none of it was applied.\n` +
        `PostgreSQL said: ${detail}\n` +
        `It is recorded as failed in _prisma_migrations; fix migration.sql, mark it rolled back ` +
        `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${migration.name}' ` +
        `AND finished_at IS NULL AND rolled_back_at IS NULL;) and migrate again.`,
      { cause: error },
    );
  }
}

function describePostgresError(error: unknown, script: string): string {
  if (!(error instanceof Error)) return String(error);
  const position = (error as { position?: string }).position;
  const offset = position ? Number(position) : NaN;
  if (!Number.isInteger(offset) || offset < 1) return error.message;
  // PostgreSQL reports a 1-based character offset into the script; a line number is easier to find.
  const line = script.slice(0, offset - 1).split("\n").length;
  return `${error.message} (migration.sql line ${line})`;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
