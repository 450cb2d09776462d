// Generators of random and hostile input for the property-based (fuzz) tests, shared by the Vitest
// fuzz files. Everything an attacker controls arrives as strings, arrays of strings or parsed JSON,
// so the generators produce those, biased towards the values that break things in practice.
import fc from "fast-check";

/** Markers whose presence as an element (or a set window.__pwned) means stored markup was rendered. */
export const MARKUP_PAYLOADS = [
  "<img src=x onerror=window.__pwned=1>",
  '"><svg onload=window.__pwned=1>',
  "<script>window.__pwned=1</script>",
  "</textarea><iframe srcdoc='<script>parent.__pwned=1</script>'>",
  "javascript:window.__pwned=1",
] as const;

/** Cells that a spreadsheet would run as a formula unless neutralised (OWASP "CSV injection"). */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example","click")',
  "+SUM(1+1)",
  "-2+3",
  "@SUM(A1)",
  "\t=1+1",
  "\r=1+1",
] as const;

const SPECIAL_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\r\n",
  "\ud800",
  "x\udc00y",
  "\u202Egnp.exe",
  "\u2066isolate\u2069",
  "\u200B\uFEFF",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦",
  "'; DROP TABLE customers; --",
  "' OR '1'='1",
  "%00%27%22",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "../../etc/passwd",
  "NaN",
  "-0",
  "1e309",
  "9".repeat(400),
  ...MARKUP_PAYLOADS,
  ...FORMULA_PAYLOADS,
] as const;

/** A lone half of a surrogate pair: not valid UTF-16, not representable in UTF-8. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme", maxLength: 1 }).filter((value) => value.length > 0) },
  { weight: 3, arbitrary: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.constantFrom("\u0000", "\u202E", "\u2066", "\u0085", "\u00A0", "\u2028") },
);

/** Random text with hostile pieces mixed in; occasionally far longer than any form allows. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 4, arbitrary: fc.string({ unit: textUnit, maxLength: 60 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ unit: textUnit, maxLength: 20 }),
        fc.constantFrom(...SPECIAL_STRINGS),
        fc.string({ maxLength: 20 }),
      )
      .map(([before, special, after]) => `${before}${special}${after}`),
  },
  { weight: 1, arbitrary: fc.constantFrom("a", "<", "\u0000", "é").map((unit) => unit.repeat(100_000)) },
);

/** Values that are plausible for some field somewhere (uuids, enum labels, dates, codes), to reach the paths behind validation. */
export function plausibleString(pool: readonly string[]): fc.Arbitrary<string> {
  const known = pool.length > 0 ? [fc.constantFrom(...pool)] : [];
  return fc.oneof(
    ...known,
    fc.uuid(),
    fc.constantFrom(
      "yes",
      "no",
      "true",
      "false",
      "on",
      "123456",
      "2026-11-20",
      "2026-11-20T10:30",
      "Europe/London",
      "£250.00",
      "C-1042",
      "SR-ABCD-EFGH",
    ),
    fc
      .tuple(
        fc.string({ unit: textUnit, minLength: 1, maxLength: 12 }),
        fc.constantFrom("@example.com", "@desk.example"),
      )
      .map(([local, domain]) => `${local}${domain}`),
    fc
      .tuple(fc.constantFrom(...SPECIAL_STRINGS), fc.lorem({ maxCount: 6 }))
      .map(([special, words]) => `${words} ${special} ${words}`),
  );
}

/** A value a crafted form or JSON body can hold in one field. */
export function fieldValue(pool: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileString },
    { weight: 4, arbitrary: plausibleString(pool) },
    { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, plausibleString(pool)), { maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, true, 0, -1, 1e21, Number.NaN, Infinity) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
}

/** An object with the schema's own keys (some missing, some hostile) plus random extra keys, prototype-polluting ones included. */
export function hostileRecord(
  keys: readonly string[],
  pool: readonly string[],
): fc.Arbitrary<Record<string, unknown>> {
  const known =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys), fieldValue(pool), { maxKeys: keys.length * 2 })
      : fc.constant({});
  const extraKey = fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", "$$typeof", "then"),
    fc.string({ maxLength: 12 }),
  );
  return fc
    .tuple(known, fc.dictionary(extraKey, fieldValue(pool), { maxKeys: 3 }), fc.boolean())
    .map(([own, extra, withExtra]) => {
      // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it, not the prototype.
      const record: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(withExtra ? { ...extra, ...own } : own)) {
        Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return record;
    });
}

/** Anything at all, for calls that should not even assume an object. */
export const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withBigInt: true,
  }),
  hostileString,
);

/** Every string inside a value (object values and array items, recursively). */
export function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (typeof value === "object" && value !== null && !(value instanceof Date))
    for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What a string becomes once encoded as UTF-8 (the wire to PostgreSQL): lone surrogates turn into U+FFFD. */
export function asUtf8(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD");
}
