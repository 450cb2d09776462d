// One-dimensional PostgreSQL arrays in the binary wire format, for bulk statements that send a
// whole column as one parameter (INSERT ... SELECT FROM unnest($1::text[], ...)). node-postgres
// sends a Buffer parameter as binary, so the server reads the array without parsing text, and the
// client skips the quoting and escaping of text array literals: on the ingest path that text
// serialisation cost more CPU than validating the events, and in the demo-data seeder the garbage
// of the literals was the top item of the profile. Pure: no database access.
//
// Two ways in, one encoding: encodeBinaryArray for a column whose values are already in an array
// (ingest batches), BinaryArrayWriter for values that arrive one at a time (the seeder's rows).

export type BinaryElementType = "text" | "uuid" | "int4" | "float8" | "bool" | "timestamptz";

/**
 * A value of the element type: text and uuid as strings, int4 and float8 as numbers, bool as a
 * boolean, timestamptz as epoch milliseconds.
 */
export type BinaryElement = string | number | boolean | null | undefined;

// pg_type oids of the element types (fixed for built-in types).
const ELEMENT_OID: Record<BinaryElementType, number> = {
  text: 25,
  uuid: 2950,
  int4: 23,
  float8: 701,
  bool: 16,
  timestamptz: 1184,
};

/** Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
const POSTGRES_EPOCH_MS = 946_684_800_000;
const TWO_TO_32 = 0x1_0000_0000;
const HEADER_BYTES = 20;

const HEX: Record<string, number> = Object.fromEntries(
  [..."0123456789abcdef"].map((digit, value) => [digit, value]),
);
for (const digit of "ABCDEF") HEX[digit] = HEX[digit.toLowerCase()] as number;

/** The most bytes one element can take (text: 3 bytes of UTF-8 per UTF-16 unit at worst). */
function worstCaseBytes(type: BinaryElementType, value: BinaryElement): number {
  if (value === null || value === undefined) return 4;
  if (type === "text") return 4 + (value as string).length * 3;
  if (type === "uuid") return 4 + 16;
  if (type === "int4") return 4 + 4;
  if (type === "bool") return 4 + 1;
  return 4 + 8;
}

/**
 * A binary array built value by value in a buffer that doubles when full, so a column of a million
 * values needs no JavaScript array of them first. `finish()` returns a view of the buffer: finish
 * once, after the last push.
 */
export class BinaryArrayWriter {
  private buffer: Buffer;
  private offset = HEADER_BYTES;
  private count = 0;
  private hasNull = false;

  constructor(
    readonly type: BinaryElementType,
    initialBytes = 64 * 1024,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.max(initialBytes, HEADER_BYTES));
  }

  /** Appends one element; null and undefined become NULL. */
  push(value: BinaryElement): void {
    const bytes = worstCaseBytes(this.type, value);
    if (this.offset + bytes > this.buffer.length) this.grow(bytes);
    if (value === null || value === undefined) this.hasNull = true;
    this.offset = writeElement(this.buffer, this.offset, this.type, value);
    this.count++;
  }

  finish(): Buffer {
    writeHeader(this.buffer, this.type, this.count, this.hasNull);
    return this.buffer.subarray(0, this.offset);
  }

  private grow(bytes: number): void {
    let size = this.buffer.length * 2;
    while (size < this.offset + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }
}

/**
 * Encodes `values` as a binary array of `type`; null and undefined become NULL elements.
 *
 * Written for 1,000-element columns at tens of thousands of events a second: the buffer is sized
 * once for the worst case instead of measuring each string, and the loop needs no room check per
 * element as a BinaryArrayWriter's push does (a few per cent, measured on 1,000-element columns).
 */
export function encodeBinaryArray(type: BinaryElementType, values: readonly BinaryElement[]): Buffer {
  let size = HEADER_BYTES;
  for (const value of values) size += worstCaseBytes(type, value);
  const buffer = Buffer.allocUnsafe(size);
  let offset = HEADER_BYTES;
  let hasNull = false;
  for (const value of values) {
    if (value === null || value === undefined) hasNull = true;
    offset = writeElement(buffer, offset, type, value);
  }
  writeHeader(buffer, type, values.length, hasNull);
  return buffer.subarray(0, offset);
}

/** Writes one element at `offset`, where the buffer has room for it; returns the offset after it. */
function writeElement(buffer: Buffer, offset: number, type: BinaryElementType, value: BinaryElement): number {
  if (value === null || value === undefined) {
    buffer.writeInt32BE(-1, offset);
    return offset + 4;
  }
  if (type === "text") {
    const text = value as string;
    const start = offset + 4;
    let written = 0;
    // Short ASCII strings (ids, addresses, emails) are copied byte by byte: cheaper than a call
    // into the native UTF-8 encoder for each of them.
    if (text.length <= 64) {
      for (; written < text.length; written++) {
        const code = text.charCodeAt(written);
        if (code > 0x7f) break;
        buffer[start + written] = code;
      }
    }
    if (written < text.length) written = buffer.write(text, start, "utf8");
    buffer.writeInt32BE(written, offset);
    return start + written;
  }
  if (type === "uuid") {
    buffer.writeInt32BE(16, offset);
    writeUuid(buffer, offset + 4, value as string);
    return offset + 20;
  }
  if (type === "int4") {
    buffer.writeInt32BE(4, offset);
    buffer.writeInt32BE(value as number, offset + 4);
    return offset + 8;
  }
  if (type === "float8") {
    buffer.writeInt32BE(8, offset);
    buffer.writeDoubleBE(value as number, offset + 4);
    return offset + 12;
  }
  if (type === "bool") {
    buffer.writeInt32BE(1, offset);
    buffer[offset + 4] = value ? 1 : 0;
    return offset + 5;
  }
  // timestamptz: microseconds since 2000-01-01 as a signed 64-bit integer.
  const micros = Math.round((value as number) - POSTGRES_EPOCH_MS) * 1000;
  const high = Math.floor(micros / TWO_TO_32);
  buffer.writeInt32BE(8, offset);
  buffer.writeInt32BE(high, offset + 4);
  buffer.writeUInt32BE(micros - high * TWO_TO_32, offset + 8);
  return offset + 12;
}

/** One dimension, the null flag, the element type, the length, lower bound 1. */
function writeHeader(buffer: Buffer, type: BinaryElementType, count: number, hasNull: boolean): void {
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(hasNull ? 1 : 0, 4);
  buffer.writeInt32BE(ELEMENT_OID[type], 8);
  buffer.writeInt32BE(count, 12);
  buffer.writeInt32BE(1, 16);
}

/** "0f8fad5b-d9cb-469f-a165-70867728950e" → 16 bytes. */
function writeUuid(buffer: Buffer, offset: number, uuid: string): void {
  let byte = 0;
  let high: number | undefined;
  for (let i = 0; i < uuid.length; i++) {
    const char = uuid[i] as string;
    if (char === "-") continue;
    const nibble = HEX[char];
    if (nibble === undefined) throw new Error("not a uuid");
    if (high === undefined) high = nibble;
    else {
      buffer[offset + byte++] = (high << 4) | nibble;
      high = undefined;
    }
  }
  if (byte !== 16 || high !== undefined) throw new Error("not a uuid");
}
