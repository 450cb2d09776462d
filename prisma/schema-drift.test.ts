// Proves that applying prisma/migrations yields exactly the schema that prisma/schema.prisma
// describes. Prisma's own drift check (`migrate diff --from-migrations`) needs a shadow database and
// a native engine that cannot be downloaded here, and introspection diffs do not work with driver
// adapters, so two real databases are compared through the PostgreSQL catalog instead:
//   A: this file's database, a copy of the template that the migrator built from prisma/migrations;
//   B: an empty database given the SQL that Prisma writes for schema.prisma from scratch, generated
//      now, so it always reflects the current schema.prisma.
// Only `_prisma_migrations` and what Prisma cannot describe (functions and triggers) are ignored.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { diffSchemas } from "../scripts/db-diff/prisma-diff";

// Objects that a migration adds by hand on purpose although Prisma cannot describe them (a CHECK
// constraint, a view), by their key in the failure output, each with the reason. Functions and
// triggers need no entry: they are never compared.
const SQL_ONLY_OBJECTS = new Map<string, string>([
  [
    "index login_attempts_unattributed_external_id_idx",
    "partial index (only events waiting for their customer); Prisma cannot describe partial indexes",
  ],
  [
    "index otp_deliveries_unattributed_external_id_idx",
    "partial index (only events waiting for their customer); Prisma cannot describe partial indexes",
  ],
  [
    "check constraint sign_in_policy.sign_in_policy_single_row",
    "the sign-in policy is one row (id 1); Prisma cannot describe check constraints",
  ],
]);

const serverUrl = inject("databaseServerUrl");
const scratchDatabases: string[] = [];

/** Every object compared, keyed by kind and name, with a one-line description of its shape. */
type Catalog = Map<string, string>;

type Difference = { key: string; migrations: string | undefined; schema: string | undefined };

let migrationsCatalog: Catalog;
let schemaCatalog: Catalog;

beforeAll(async () => {
  const migrated = requireDatabaseUrl();
  const fromSchema = await createDatabase();
  const sql = await diffSchemas({
    fromSchema: null,
    toSchema: readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"),
    databaseUrl: fromSchema,
  });
  await withClient(fromSchema, async (client) => {
    // Extensions are created by hand in migrations (Prisma's extensions support is a preview
    // feature); B needs them too, or an index using one of their operator classes could not exist.
    for (const extension of await listExtensions(migrated)) {
      await client.query(`CREATE EXTENSION IF NOT EXISTS "${extension}"`);
    }
    await client.query(sql);
  });
  [migrationsCatalog, schemaCatalog] = await Promise.all([readCatalog(migrated), readCatalog(fromSchema)]);
});

afterAll(async () => {
  // In parallel: each DROP DATABASE waits for a checkpoint, and concurrent ones share it.
  await Promise.all(
    scratchDatabases.map((name) =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    ),
  );
});

describe("schema drift", () => {
  it("migrations produce exactly the schema that schema.prisma describes", () => {
    // Guard against comparing two empty catalogs (a wrong schema or database would look "equal").
    expect(schemaCatalog.get("table customers")).toBeDefined();
    expect(migrationsCatalog.size).toBeGreaterThan(100);

    const differences = compareCatalogs(migrationsCatalog, schemaCatalog).filter(
      (difference) => !(difference.schema === undefined && SQL_ONLY_OBJECTS.has(difference.key)),
    );
    if (differences.length > 0) expect.fail(formatDifferences(differences));
  });

  it("reports changed columns, enums, indexes and keys, and ignores functions and triggers", async () => {
    const altered = await createDatabase(inject("templateDatabase"));
    await withClient(altered, (client) =>
      client.query(`
        ALTER TABLE customers ADD COLUMN nickname text;
        ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'LOCKED';
        ALTER TABLE staff_users ALTER COLUMN name DROP NOT NULL;
        ALTER TYPE "CaseStatus" ADD VALUE 'REOPENED';
        DROP INDEX "login_attempts_ip_occurred_at_idx";
        CREATE INDEX "login_attempts_ip_occurred_at_idx" ON login_attempts (ip, occurred_at);
        ALTER TABLE cases DROP CONSTRAINT cases_customer_id_fkey,
          ADD CONSTRAINT cases_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE;
        ALTER TABLE rate_limits ADD CONSTRAINT rate_limits_hits_check CHECK (hits >= 0);
        CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no'; END; $$;
        CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
          FOR EACH ROW EXECUTE FUNCTION refuse_change();
      `),
    );
    const differences = compareCatalogs(await readCatalog(altered), migrationsCatalog);
    expect(differences.map((difference) => difference.key).sort()).toEqual([
      "check constraint rate_limits.rate_limits_hits_check",
      "column customers.nickname",
      "column customers.status",
      "column staff_users.name",
      "enum CaseStatus",
      "foreign key cases.cases_customer_id_fkey",
      "index login_attempts_ip_occurred_at_idx",
    ]);
    expect(formatDifferences(differences)).toContain("column customers.nickname: only in the migrations");
  });
});

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: test/setup-database.ts should have set it.");
  return url;
}

async function createDatabase(template?: string): Promise<string> {
  const name = `${inject("testDatabasePrefix")}drift_${randomBytes(4).toString("hex")}`;
  const from = template ? ` TEMPLATE "${template}"` : "";
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"${from}`));
  scratchDatabases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
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

async function listExtensions(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ extname: string }>(
      "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname",
    );
    return rows.map((row) => row.extname);
  });
}

// Everything lives in the connection's current schema (public). Relations of `_prisma_migrations`
// (its table, primary key and index) are filtered out by table name.
const CATALOG_QUERIES: { label: string; sql: string }[] = [
  {
    label: "relation",
    sql: `
      SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
               WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' ELSE 'sequence' END
               || ' ' || c.relname AS key,
             CASE c.relkind WHEN 'S' THEN 'sequence of ' || format_type(s.seqtypid, NULL)
               WHEN 'p' THEN 'partitioned' ELSE 'exists' END AS description
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
         AND c.relname <> '_prisma_migrations'`,
  },
  {
    label: "column",
    sql: `
      SELECT 'column ' || c.relname || '.' || a.attname AS key,
             concat_ws(', ',
               'type ' || format_type(a.atttypid, a.atttypmod),
               'udt ' || tn.nspname || '.' || t.typname,
               CASE WHEN t.typcategory = 'A' THEN 'array of ' || et.typname END,
               CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'nullable' END,
               'default ' || coalesce(pg_get_expr(d.adbin, d.adrelid), 'none'),
               CASE a.attidentity WHEN 'a' THEN 'identity always' WHEN 'd' THEN 'identity by default' END,
               CASE a.attgenerated WHEN 's' THEN 'generated (stored)' WHEN 'v' THEN 'generated (virtual)' END,
               CASE WHEN a.attcollation <> t.typcollation THEN 'collation ' || co.collname END
             ) AS description
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        JOIN pg_namespace tn ON tn.oid = t.typnamespace
        LEFT JOIN pg_type et ON et.oid = t.typelem
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
         AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped`,
  },
  {
    label: "enum",
    sql: `
      SELECT 'enum ' || t.typname AS key,
             string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS description
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE n.nspname = current_schema()
       GROUP BY t.typname`,
  },
  {
    // pg_get_indexdef spells out uniqueness, method, columns or expressions, sort order, non-default
    // operator classes and the predicate; the operator classes are listed again in full.
    label: "index",
    sql: `
      SELECT 'index ' || i.relname AS key,
             concat_ws(', ',
               pg_get_indexdef(x.indexrelid),
               CASE WHEN x.indisprimary THEN 'primary' END,
               'method ' || am.amname,
               'opclasses ' || (SELECT string_agg(o.opcname, ' ' ORDER BY k.ord)
                                  FROM unnest(x.indclass::oid[]) WITH ORDINALITY AS k(oid, ord)
                                  JOIN pg_opclass o ON o.oid = k.oid)
             ) AS description
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class c ON c.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_am am ON am.oid = i.relam
       WHERE n.nspname = current_schema() AND c.relname <> '_prisma_migrations'`,
  },
  {
    // pg_get_constraintdef includes the columns, the referenced table and columns, the ON DELETE /
    // ON UPDATE actions, deferrability and check expressions. NOT NULL (PostgreSQL 18 lists those
    // here too) is compared with the columns; constraint triggers are triggers, so ignored.
    label: "constraint",
    sql: `
      SELECT CASE con.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique constraint'
               WHEN 'f' THEN 'foreign key' WHEN 'c' THEN 'check constraint' ELSE 'exclusion constraint' END
               || ' ' || c.relname || '.' || con.conname AS key,
             pg_get_constraintdef(con.oid) AS description
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'c', 'x')
         AND c.relname <> '_prisma_migrations'`,
  },
];

async function readCatalog(url: string): Promise<Catalog> {
  return withClient(url, async (client) => {
    const catalog: Catalog = new Map();
    for (const { sql } of CATALOG_QUERIES) {
      const { rows } = await client.query<{ key: string; description: string }>(sql);
      for (const row of rows) catalog.set(row.key, row.description);
    }
    return catalog;
  });
}

function compareCatalogs(migrations: Catalog, schema: Catalog): Difference[] {
  const keys = [...new Set([...migrations.keys(), ...schema.keys()])].sort();
  return keys
    .map((key) => ({ key, migrations: migrations.get(key), schema: schema.get(key) }))
    .filter((difference) => difference.migrations !== difference.schema);
}

function formatDifferences(differences: Difference[]): string {
  const lines = differences.map(({ key, migrations, schema }) => {
    if (schema === undefined) return `  ${key}: only in the migrations (${migrations})`;
    if (migrations === undefined) return `  ${key}: only in schema.prisma (${schema})`;
    return `  ${key}:\n      migrations:    ${migrations}\n      schema.prisma: ${schema}`;
  });
  return [
    `prisma/migrations and prisma/schema.prisma disagree on ${differences.length} object(s):`,
    ...lines,
    "Write a migration for the schema change (npm run db:diff -- --name <change>), or fix the schema.",
  ].join("\n");
}
