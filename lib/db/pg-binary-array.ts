// One-dimensional PostgreSQL arrays in the binary wire format, for bulk statements that send a
// whole column as one parameter (INSERT ... SELECT FROM unnest($1::text[], ...)). node-postgres
// sends a Buffer parameter as binary, so the server reads the array without parsing text, and the
// client skips the quoting and escaping of text array literals: on the ingest path that text
// serialisation cost more CPU than validating the events. Pure: no database access.
//
// scripts/demo-data/bulk-table.ts has its own writer, tuned for tens of millions of seed rows.

export type BinaryElementType = "text" | "uuid" | "float8" | "timestamptz";

/** A value of the element type: text and uuid as strings, float8 as a number, timestamptz as epoch milliseconds. */
export type BinaryElement = string | number | null | undefined;

// pg_type oids of the element types (fixed for built-in types).
const ELEMENT_OID: Record<BinaryElementType, number> = { text: 25, uuid: 2950, float8: 701, timestamptz: 1184 };

/** Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
const POSTGRES_EPOCH_MS = 946_684_800_000;
const TWO_TO_32 = 0x1_0000_0000;
const HEADER_BYTES = 20;

const HEX: Record<string, number> = Object.fromEntries([..."0123456789abcdef"].map((digit, value) => [digit, value]));
for (const digit of "ABCDEF") HEX[digit] = HEX[digit.toLowerCase()] as number;

/**
 * Encodes `values` as a binary array of `type`; null and undefined become NULL elements.
 *
 * Written for 1,000-element columns at tens of thousands of events a second: the buffer is sized
 * for the worst case (3 bytes per UTF-16 unit) instead of measuring each string, and short ASCII
 * strings are copied byte by byte, which is cheaper than a call into the native UTF-8 encoder each.
 */
export function encodeBinaryArray(type: BinaryElementType, values: readonly BinaryElement[]): Buffer {
  let size = HEADER_BYTES;
  for (const value of values) {
    if (value === null || value === undefined) size += 4;
    else if (type === "text") size += 4 + (value as string).length * 3;
    else if (type === "uuid") size += 4 + 16;
    else size += 4 + 8;
  }
  const buffer = Buffer.allocUnsafe(size);
  let offset = HEADER_BYTES;
  let hasNull = false;
  for (const value of values) {
    if (value === null || value === undefined) {
      buffer.writeInt32BE(-1, offset);
      offset += 4;
      hasNull = true;
    } else if (type === "text") {
      const text = value as string;
      const start = offset + 4;
      let written = 0;
      if (text.length <= 64) {
        for (; written < text.length; written++) {
          const code = text.charCodeAt(written);
          if (code > 0x7f) break;
          buffer[start + written] = code;
        }
      }
      if (written < text.length) written = buffer.write(text, start, "utf8");
      buffer.writeInt32BE(written, offset);
      offset = start + written;
    } else if (type === "uuid") {
      buffer.writeInt32BE(16, offset);
      writeUuid(buffer, offset + 4, value as string);
      offset += 20;
    } else if (type === "float8") {
      buffer.writeInt32BE(8, offset);
      buffer.writeDoubleBE(value as number, offset + 4);
      offset += 12;
    } else {
      // timestamptz: microseconds since 2000-01-01 as a signed 64-bit integer.
      const micros = Math.round((value as number) - POSTGRES_EPOCH_MS) * 1000;
      const high = Math.floor(micros / TWO_TO_32);
      buffer.writeInt32BE(8, offset);
      buffer.writeInt32BE(high, offset + 4);
      buffer.writeUInt32BE(micros - high * TWO_TO_32, offset + 8);
      offset += 12;
    }
  }
  // Header: one dimension, the null flag, the element type, the length, lower bound 1.
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(hasNull ? 1 : 0, 4);
  buffer.writeInt32BE(ELEMENT_OID[type], 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16);
  return buffer.subarray(0, offset);
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
