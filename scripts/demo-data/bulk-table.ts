// Column buffers and the one INSERT shape the demo data uses:
//
//   INSERT INTO t (a, b, …) SELECT u.a, u.b::"Enum", … FROM (SELECT unnest($1::text[]) AS a, unnest($2::timestamptz[]) AS b, …) AS u
//
// One statement per table per chunk, whatever the number of rows, with each column sent as one
// array parameter in PostgreSQL's binary format. Binary arrays cost nothing to parse on the server
// and each row's values go straight into a growing Buffer (BinaryArrayWriter, the encoder the
// ingest path uses too), so tens of millions of values create no garbage on the JavaScript side
// (text array literals made the garbage collector the top item in the profile, and the server
// spent as long parsing them as inserting the rows).
import type pg from "pg";
import { BinaryArrayWriter, type BinaryElementType } from "../../lib/db/pg-binary-array";

/**
 * How a column travels and how the SELECT turns it into the column's type:
 * - text / float / int / bool: as is;
 * - enum: text cast to the named PostgreSQL enum;
 * - time: milliseconds since the epoch, sent as timestamptz;
 * - customer: a 1-based index into the uuid array passed alongside (see DemoRows.write).
 */
export type ColumnKind = "text" | "float" | "int" | "bool" | "time" | "customer" | { enum: string };

export type ColumnSpec = { name: string; kind: ColumnKind };

export type TableSpec = {
  table: string;
  columns: readonly ColumnSpec[];
  /** Columns computed in SQL from the sent ones (`u.<name>` refers to a sent column). */
  derived?: readonly { name: string; sql: string }[];
};

export type Value = string | number | boolean | null;

/** The element type a column travels as (enums as text, customers as an index into the uuids). */
function elementType(kind: ColumnKind): BinaryElementType {
  if (kind === "float") return "float8";
  if (kind === "int" || kind === "customer") return "int4";
  if (kind === "time") return "timestamptz";
  if (kind === "bool") return "bool";
  return "text";
}

function selectExpression(column: ColumnSpec, refsParameter: number): string {
  const ref = `u.${column.name}`;
  const kind = column.kind;
  if (typeof kind === "object") return `${ref}::"${kind.enum}"`;
  if (kind === "customer") return `($${refsParameter}::uuid[])[${ref}]`;
  return ref;
}

export class TableBuffer {
  private readonly arrays: BinaryArrayWriter[];
  rowCount = 0;

  constructor(readonly spec: TableSpec) {
    this.arrays = spec.columns.map((column) => new BinaryArrayWriter(elementType(column.kind)));
  }

  /** Appends one row; values in the order of `spec.columns`. */
  add(...row: Value[]): void {
    const arrays = this.arrays;
    for (let i = 0; i < arrays.length; i++) (arrays[i] as BinaryArrayWriter).push(row[i]);
    this.rowCount++;
  }

  /** Writes the buffered rows, if any; `customerIds[i - 1]` is the uuid of customer ref i. */
  async insert(
    client: pg.ClientBase,
    customerIds: readonly string[],
    returning?: string,
  ): Promise<pg.QueryResult | null> {
    if (this.rowCount === 0) return null;
    const { table, columns, derived = [] } = this.spec;
    const usesRefs = columns.some((column) => column.kind === "customer");
    const refsParameter = columns.length + 1;
    const names = [...columns.map((column) => column.name), ...derived.map((column) => column.name)];
    const expressions = [
      ...columns.map((column) => selectExpression(column, refsParameter)),
      ...derived.map((column) => column.sql),
    ];
    // unnest() in the select list walks the equally long arrays in lockstep; the multi-argument
    // form in FROM first copies each array into a tuplestore, which measured ~40% slower here.
    const unnests = columns.map(
      (column, i) => `unnest($${i + 1}::${elementType(column.kind)}[]) AS ${column.name}`,
    );
    const sql =
      `INSERT INTO ${table} (${names.join(", ")}) ` +
      `SELECT ${expressions.join(", ")} FROM (SELECT ${unnests.join(", ")}) AS u` +
      (returning ? ` RETURNING ${returning}` : "");
    const parameters: (Buffer | string)[] = this.arrays.map((array) => array.finish());
    // The uuids are few (one per customer in the chunk): a text literal is simplest.
    if (usesRefs) parameters.push(`{${customerIds.join(",")}}`);
    return client.query(sql, parameters);
  }
}
