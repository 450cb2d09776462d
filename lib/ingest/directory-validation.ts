// Directory events through the ingest API's gate: the same refusals as activity events (a code
// under any name, NUL characters), then the directory schema (lib/customers/directory-schemas.ts).
import { directoryEventSchema, type DirectoryEvent } from "@/lib/customers/directory-schemas";
import { claimedEventId, fieldErrorsOf, refusedFields, type FieldError } from "./schemas";

export type DirectoryValidation =
  { ok: true; event: DirectoryEvent } | { ok: false; eventId?: string; errors: FieldError[] };

export function validateDirectoryEvent(raw: unknown): DirectoryValidation {
  const record = raw as Record<string, unknown>;
  const refused = refusedFields(record);
  if (refused.length > 0) return { ok: false, eventId: claimedEventId(record), errors: refused };
  const parsed = directoryEventSchema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  return {
    ok: false,
    eventId: claimedEventId(record),
    errors: fieldErrorsOf(parsed.error.issues),
  };
}
