// Directory events through the ingest API's gate: the same refusals as activity events (a code
// under any name, NUL characters), then the directory schema (lib/customers/directory-schemas.ts).
import { directoryEventSchema, type DirectoryEvent } from "@/lib/customers/directory-schemas";
import { claimedEventId, refusedFields, type FieldError } from "./schemas";

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
    errors: parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join(".") || "event",
      message:
        issue.code === "unrecognized_keys"
          ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`
          : issue.message,
    })),
  };
}
