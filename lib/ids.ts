// The one check that a string is a UUID, for ids that arrive in URLs, cursors and signed links
// before they reach a query (PostgreSQL answers a malformed uuid with an error, not "not found").
// Schemas use z.uuid(), which is the same check.
import { z } from "zod";

const uuid = z.uuid();

export function isUuid(value: unknown): boolean {
  return uuid.safeParse(value).success;
}
