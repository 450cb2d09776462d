/** A page's searchParams as Next hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** searchParams → plain strings (the first value of repeated keys), ready for a filters schema. */
export function firstValues(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) =>
      typeof value === "string" ? [[key, value]] : Array.isArray(value) && value[0] ? [[key, value[0]]] : [],
    ),
  );
}

/** PostgreSQL's bigint ceiling: a larger id in a URL names nothing (and must not reach a query). */
export const MAX_INT8 = 9_223_372_036_854_775_807n;

/** A positive bigint id as it appears in a URL, within what PostgreSQL can hold. */
export function isBigintId(value: string): boolean {
  return /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_INT8;
}

/** Instants the desk has data for: anything outside is a typo or a probe, never a real filter. */
export function isPlausibleInstant(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1970 && year <= 2999;
}

/** "YYYY-MM-DD" naming a day that exists (not 2026-02-30, not 0000-01-01). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return isPlausibleInstant(date) && date.toISOString().slice(0, 10) === value;
}
