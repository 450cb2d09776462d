import { createHash, randomBytes } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MigrationError, migrateDatabase } from "./migrate";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// Each test gets a database of its own: empty where the migrator must build the schema, otherwise a
// copy of the template (every migration applied by migrateDatabase in test/global-setup.ts), which
// is much faster than migrating again. Names carry the run's prefix, so teardown drops leftovers.
const serverUrl = inject("databaseServerUrl");
const scratchDatabases: string[] = [];
const scratchDirs: string[] = [];

afterAll(async () => {
  // In parallel: each DROP DATABASE waits for a checkpoint, and concurrent ones share it.
  await Promise.all(
    scratchDatabases.map((name) =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    ),
  );
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

function createEmptyDatabase(): Promise<string> {
  return createDatabase("");
}

function createMigratedDatabase(): Promise<string> {
  return createDatabase(` TEMPLATE "${inject("templateDatabase")}"`);
}

async function createDatabase(templateClause: string): Promise<string> {
  const name = `${inject("testDatabasePrefix")}migrate_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"${templateClause}`));
  scratchDatabases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A copy of prisma/migrations that a test may edit. */
function copyMigrations(): string {
  const dir = path.join(
    process.cwd(),
    ".data",
    `migrate-test-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  mkdirSync(dir, { recursive: true });
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  scratchDirs.push(dir);
  return dir;
}

async function withClient<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

function readHistory(url: string): Promise<Row[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Row>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count
         FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    );
    return rows;
  });
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [
      table,
    ]);
    return rows[0]?.found === true;
  });
}

async function expectRefusal(
  promise: Promise<unknown>,
  kind: MigrationError["kind"],
  name: string,
): Promise<MigrationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MigrationError);
  const refusal = error as MigrationError;
  expect(refusal.kind).toBe(kind);
  expect(refusal.migrationName).toBe(name);
  expect(refusal.message).toContain(name);
  return refusal;
}

describe("migrateDatabase", () => {
  it("applies every migration to an empty database once, then has nothing to do", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const url = await createEmptyDatabase();

    const first = await migrateDatabase(url);
    expect(first.applied).toEqual(migrationNames);
    expect(await tableExists(url, "customers")).toBe(true);

    const second = await migrateDatabase(url);
    expect(second.applied).toEqual([]);

    const history = await readHistory(url);
    expect(history.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of history) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("records sha256 of each migration file as its checksum, in Prisma's table layout", async () => {
    const url = await createMigratedDatabase();

    const history = await readHistory(url);
    for (const row of history) {
      const bytes = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
    }

    const columns = await withClient(url, async (client) => {
      const { rows } = await client.query<{
        name: string;
        type: string;
        not_null: boolean;
        default_value: string | null;
      }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                pg_get_expr(d.adbin, d.adrelid) AS default_value
           FROM pg_attribute a
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attnum`,
      );
      return rows;
    });
    expect(columns).toEqual([
      { name: "id", type: "character varying(36)", not_null: true, default_value: null },
      { name: "checksum", type: "character varying(64)", not_null: true, default_value: null },
      { name: "finished_at", type: "timestamp with time zone", not_null: false, default_value: null },
      { name: "migration_name", type: "character varying(255)", not_null: true, default_value: null },
      { name: "logs", type: "text", not_null: false, default_value: null },
      { name: "rolled_back_at", type: "timestamp with time zone", not_null: false, default_value: null },
      { name: "started_at", type: "timestamp with time zone", not_null: true, default_value: "now()" },
      { name: "applied_steps_count", type: "integer", not_null: true, default_value: "0" },
    ]);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const url = await createMigratedDatabase();
    const dir = copyMigrations();

    const tampered = migrationNames[0] as string;
    appendFileSync(path.join(dir, tampered, "migration.sql"), "\n-- an innocent-looking edit\n");
    const refusal = await expectRefusal(
      migrateDatabase(url, { migrationsDir: dir }),
      "checksum-mismatch",
      tampered,
    );
    expect(refusal.message).toMatch(/changed since it was applied/);
    expect(refusal.message).toMatch(/new migration/);
  });

  it("accepts a checkout of the same file with CRLF line endings", async () => {
    const url = await createMigratedDatabase();
    const dir = copyMigrations();

    for (const name of migrationNames) {
      const file = path.join(dir, name, "migration.sql");
      writeFileSync(file, readFileSync(file, "utf8").replace(/\r?\n/g, "\r\n"));
    }
    expect((await migrateDatabase(url, { migrationsDir: dir })).applied).toEqual([]);
  });

  it("refuses to run when an applied migration's folder is missing", async () => {
    const url = await createMigratedDatabase();
    const dir = copyMigrations();

    const removed = migrationNames[0] as string;
    renameSync(path.join(dir, removed), path.join(dir, "..", `${path.basename(dir)}-moved`));
    scratchDirs.push(path.join(dir, "..", `${path.basename(dir)}-moved`));
    const refusal = await expectRefusal(
      migrateDatabase(url, { migrationsDir: dir }),
      "missing-migration",
      removed,
    );
    expect(refusal.message).toMatch(/folder is missing/);
  });

  it("lets two concurrent runs apply each migration exactly once", async () => {
    const url = await createEmptyDatabase();
    const [a, b] = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);

    // One run waited on the advisory lock and then found everything applied.
    expect([...a.applied, ...b.applied].sort()).toEqual(migrationNames);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, migrationNames.length]);
    const history = await readHistory(url);
    expect(history.map((row) => row.migration_name)).toEqual(migrationNames);
  });

  it("rolls a failing migration back entirely and refuses later runs until it is resolved", async () => {
    const url = await createMigratedDatabase();
    const dir = copyMigrations();
    const broken = "29991231000000_broken";
    const brokenFile = path.join(dir, broken, "migration.sql");
    mkdirSync(path.dirname(brokenFile));
    writeFileSync(brokenFile, "CREATE TABLE half_done (id integer);\n\nSELECT * FROM no_such_table;\n");

    const failure = await expectRefusal(migrateDatabase(url, { migrationsDir: dir }), "apply-failed", broken);
    expect(failure.message).toMatch(/no_such_table/);
    expect(failure.message).toMatch(/line 3/);

    // The earlier migrations stay applied; nothing of the broken one is left behind.
    expect(await tableExists(url, "customers")).toBe(true);
    expect(await tableExists(url, "half_done")).toBe(false);
    const failedRow = (await readHistory(url)).find((row) => row.migration_name === broken);
    expect(failedRow).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failedRow?.logs).toMatch(/no_such_table/);

    const refusal = await expectRefusal(
      migrateDatabase(url, { migrationsDir: dir }),
      "failed-migration",
      broken,
    );
    expect(refusal.message).toMatch(/recorded as failed/);
    expect(refusal.message).toContain("rolled_back_at = now()");

    // Following the advice in the message: fix the file, mark the failure rolled back, migrate.
    writeFileSync(brokenFile, "CREATE TABLE half_done (id integer);\n");
    await withClient(url, (client) =>
      client.query(
        `UPDATE "_prisma_migrations" SET rolled_back_at = now()
          WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
        [broken],
      ),
    );
    expect((await migrateDatabase(url, { migrationsDir: dir })).applied).toEqual([broken]);
    expect(await tableExists(url, "half_done")).toBe(true);
  });

  it("refuses BEGIN/COMMIT lines but not END; inside a function body", async () => {
    const url = await createMigratedDatabase();
    const dir = copyMigrations();
    const withFunction = "29991231000000_trigger_function";
    mkdirSync(path.join(dir, withFunction));
    writeFileSync(
      path.join(dir, withFunction, "migration.sql"),
      [
        "CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$",
        "BEGIN",
        "  RAISE EXCEPTION 'append-only';",
        "END;",
        "$$;",
        "",
      ].join("\n"),
    );
    expect((await migrateDatabase(url, { migrationsDir: dir })).applied).toContain(withFunction);

    const withCommit = "29991231000001_enum_rewrite";
    mkdirSync(path.join(dir, withCommit));
    writeFileSync(path.join(dir, withCommit, "migration.sql"), "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n");
    const refusal = await expectRefusal(
      migrateDatabase(url, { migrationsDir: dir }),
      "transaction-statement",
      withCommit,
    );
    expect(refusal.message).toMatch(/line 1/);
    expect(await tableExists(url, "t")).toBe(false);
  });
});
