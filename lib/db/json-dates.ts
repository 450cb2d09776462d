// Timestamps inside JSON that PostgreSQL built (json_build_object / json_agg): they arrive as
// ISO 8601 strings, not as the Dates a plain column gives. Statements that fold lists into JSON
// (the customer page's loaders) turn them back here.

/** A timestamptz as PostgreSQL writes it in JSON, e.g. "2026-12-04T03:58:00.123+00:00". */
export type JsonDate = string;

export function fromJsonDate(value: JsonDate): Date;
export function fromJsonDate(value: JsonDate | null): Date | null;
export function fromJsonDate(value: JsonDate | null): Date | null {
  return value === null ? null : new Date(value);
}
