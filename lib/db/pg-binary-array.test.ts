import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BinaryArrayWriter, encodeBinaryArray } from "./pg-binary-array";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

describe("binary array parameters", () => {
  it("round-trip text (any Unicode), uuid, float8 and timestamptz values and NULLs", async () => {
    const texts = [
      "",
      "plain",
      "+44 •••• ••• 123",
      "emoji 🔐 and ñ",
      null,
      'quote " and backslash \\ and {braces},',
    ];
    const uuids = ["0f8fad5b-d9cb-469f-a165-70867728950e", null, "00000000-0000-4000-8000-000000000000"];
    const floats = [51.5072, -0.1276, null, 0, -180];
    const times = [
      Date.UTC(2026, 10, 27, 9, 30, 0, 123),
      null,
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2000, 0, 1),
    ];
    const { rows } = await client.query<{
      t: (string | null)[];
      u: (string | null)[];
      f: (number | null)[];
      ms: (string | null)[];
    }>(
      `SELECT $1::text[] AS t, $2::uuid[]::text[] AS u, $3::float8[] AS f,
              array(SELECT (extract(epoch FROM x) * 1000)::bigint::text FROM unnest($4::timestamptz[]) WITH ORDINALITY AS a(x, i) ORDER BY i) AS ms`,
      [
        encodeBinaryArray("text", texts),
        encodeBinaryArray("uuid", uuids),
        encodeBinaryArray("float8", floats),
        encodeBinaryArray("timestamptz", times),
      ],
    );
    expect(rows[0]?.t).toEqual(texts);
    expect(rows[0]?.u).toEqual(uuids);
    expect(rows[0]?.f).toEqual(floats);
    expect(rows[0]?.ms).toEqual(times.map((time) => (time === null ? null : String(time))));
  });

  it("round-trip int4 and bool values and NULLs", async () => {
    const ints = [0, 1, -1, 2_147_483_647, -2_147_483_648, null];
    const bools = [true, false, null, true];
    const { rows } = await client.query<{ i: (number | null)[]; b: (boolean | null)[] }>(
      "SELECT $1::int4[] AS i, $2::bool[] AS b",
      [encodeBinaryArray("int4", ints), encodeBinaryArray("bool", bools)],
    );
    expect(rows[0]?.i).toEqual(ints);
    expect(rows[0]?.b).toEqual(bools);
  });

  it("give the same bytes value by value, in a writer that has to grow many times", () => {
    const texts = Array.from({ length: 500 }, (_, i) =>
      i % 9 === 0 ? null : `row ${i} ${"é".repeat(i % 70)}`,
    );
    const writer = new BinaryArrayWriter("text", 32);
    for (const text of texts) writer.push(text);
    expect(writer.finish().equals(encodeBinaryArray("text", texts))).toBe(true);
  });
});
