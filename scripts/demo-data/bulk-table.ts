// Column buffers and the one INSERT shape the demo data uses:
//
//   INSERT INTO t (a, b, …) SELECT u.a, u.b::"Enum", … FROM (SELECT unnest($1::text[]) AS a, unnest($2::timestamptz[]) AS b, …) AS u
//
// One statement per table per chunk, whatever the number of rows, with each column sent as one
// array parameter in PostgreSQL's binary format. Binary arrays cost nothing to parse on the server
// and are written here straight into a growing Buffer, so tens of millions of values create no
// garbage on the JavaScript side (text array literals made the garbage collector the top item in
// the profile, and the server spent as long parsing them as inserting the rows).
import type pg from "pg";

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

// Element type oids of the binary array format (pg_type.oid, fixed for built-in types).
const TEXT = 25;
const INT4 = 23;
const FLOAT8 = 701;
const BOOL = 16;
const TIMESTAMPTZ = 1184;

/** Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
const POSTGRES_EPOCH_MS = 946_684_800_000;
const TWO_TO_32 = 0x1_0000_0000;
const HEADER_BYTES = 20;

/** A one-dimensional array in PostgreSQL's binary wire format, built value by value. */
class BinaryArray {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private offset = HEADER_BYTES;
  private count = 0;
  private hasNull = false;

  constructor(private readonly elementOid: number) {}

  private reserve(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.offset + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  pushNull(): void {
    this.reserve(4);
    this.buffer.writeInt32BE(-1, this.offset);
    this.offset += 4;
    this.count++;
    this.hasNull = true;
  }

  pushText(value: string): void {
    const length = value.length;
    this.reserve(4 + length * 3);
    const b = this.buffer;
    const start = this.offset + 4;
    let written = 0;
    // Short ASCII strings (ids, addresses, emails) are copied byte by byte: cheaper than a call
    // into the native UTF-8 encoder for each of them.
    if (length <= 48) {
      for (; written < length; written++) {
        const code = value.charCodeAt(written);
        if (code > 0x7f) break;
        b[start + written] = code;
      }
    }
    if (written < length) written = b.write(value, start, "utf8");
    b.writeInt32BE(written, this.offset);
    this.offset = start + written;
    this.count++;
  }

  pushInt4(value: number): void {
    this.reserve(8);
    this.buffer.writeInt32BE(4, this.offset);
    this.buffer.writeInt32BE(value, this.offset + 4);
    this.offset += 8;
    this.count++;
  }

  pushFloat8(value: number): void {
    this.reserve(12);
    this.buffer.writeInt32BE(8, this.offset);
    this.buffer.writeDoubleBE(value, this.offset + 4);
    this.offset += 12;
    this.count++;
  }

  pushBool(value: boolean): void {
    this.reserve(5);
    this.buffer.writeInt32BE(1, this.offset);
    this.buffer[this.offset + 4] = value ? 1 : 0;
    this.offset += 5;
    this.count++;
  }

  /** timestamptz travels as microseconds since 2000-01-01, a signed 64-bit integer. */
  pushTimestamp(epochMs: number): void {
    const micros = Math.round(epochMs - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_TO_32);
    this.reserve(12);
    this.buffer.writeInt32BE(8, this.offset);
    this.buffer.writeInt32BE(high, this.offset + 4);
    this.buffer.writeUInt32BE(micros - high * TWO_TO_32, this.offset + 8);
    this.offset += 12;
    this.count++;
  }

  /** The finished array (header: one dimension, null flag, element type, length, lower bound 1). */
  toBuffer(): Buffer {
    const b = this.buffer;
    b.writeInt32BE(1, 0);
    b.writeInt32BE(this.hasNull ? 1 : 0, 4);
    b.writeInt32BE(this.elementOid, 8);
    b.writeInt32BE(this.count, 12);
    b.writeInt32BE(1, 16);
    return b.subarray(0, this.offset);
  }
}

function elementOid(kind: ColumnKind): number {
  if (kind === "float") return FLOAT8;
  if (kind === "int" || kind === "customer") return INT4;
  if (kind === "time") return TIMESTAMPTZ;
  if (kind === "bool") return BOOL;
  return TEXT;
}

function arrayType(kind: ColumnKind): string {
  if (kind === "float") return "float8[]";
  if (kind === "int" || kind === "customer") return "int4[]";
  if (kind === "time") return "timestamptz[]";
  if (kind === "bool") return "bool[]";
  return "text[]";
}

function selectExpression(column: ColumnSpec, refsParameter: number): string {
  const ref = `u.${column.name}`;
  const kind = column.kind;
  if (typeof kind === "object") return `${ref}::"${kind.enum}"`;
  if (kind === "customer") return `($${refsParameter}::uuid[])[${ref}]`;
  return ref;
}

function push(array: BinaryArray, kind: ColumnKind, value: Value | undefined): void {
  if (value === null || value === undefined) array.pushNull();
  else if (kind === "time") array.pushTimestamp(value as number);
  else if (kind === "int" || kind === "customer") array.pushInt4(value as number);
  else if (kind === "float") array.pushFloat8(value as number);
  else if (kind === "bool") array.pushBool(value as boolean);
  else array.pushText(value as string);
}

export class TableBuffer {
  private readonly arrays: BinaryArray[];
  rowCount = 0;

  constructor(readonly spec: TableSpec) {
    this.arrays = spec.columns.map((column) => new BinaryArray(elementOid(column.kind)));
  }

  /** Appends one row; values in the order of `spec.columns`. */
  add(...row: Value[]): void {
    const columns = this.spec.columns;
    for (let i = 0; i < columns.length; i++) {
      push(this.arrays[i] as BinaryArray, (columns[i] as ColumnSpec).kind, row[i]);
    }
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
      (column, i) => `unnest($${i + 1}::${arrayType(column.kind)}) AS ${column.name}`,
    );
    const sql =
      `INSERT INTO ${table} (${names.join(", ")}) ` +
      `SELECT ${expressions.join(", ")} FROM (SELECT ${unnests.join(", ")}) AS u` +
      (returning ? ` RETURNING ${returning}` : "");
    const parameters: (Buffer | string)[] = this.arrays.map((array) => array.toBuffer());
    // The uuids are few (one per customer in the chunk): a text literal is simplest.
    if (usesRefs) parameters.push(`{${customerIds.join(",")}}`);
    return client.query(sql, parameters);
  }
}
