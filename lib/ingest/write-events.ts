// The bulk write path of the ingest API. A batch of up to 1,000 events costs three statements
// whatever its size: one query resolves every customer reference, then one INSERT per table
// carries each column as one array parameter (INSERT ... SELECT FROM unnest(...)).
//
// Idempotency: event_id is unique per table and the INSERTs say ON CONFLICT (event_id) DO NOTHING.
// A resent batch stores nothing twice; two identical batches sent at once store each event once
// (the second INSERT waits on the first one's uncommitted index entries, then skips them), and
// overlapping batches in different orders do too, without deadlocking each other (the INSERTs
// write rows in event-id order: event-rows.ts). The first write of an event id wins: a later
// event with the same id is a duplicate even if its fields differ, because events are facts that
// do not change.
//
// Unknown customers: the event is stored anyway, with customer_id NULL. The identity system's
// customer id, when the reference had one, is kept in customer_external_id, and a trigger on
// customers attaches the event when that customer is created (migration
// 20261127073544_ingest_unattributed_events). A login attempt also keeps what was typed as the
// login (identifier; the reference's email when no identifier was sent), so credential stuffing
// against accounts that do not exist stays visible by identifier and by IP.
//
// The two INSERTs are separate statements (not one transaction): if the second fails, the client
// gets a 5xx, resends the batch, and the events the first one stored come back as duplicates.
import "server-only";
import { getBulkPool } from "@/lib/db/bulk-pool";
import { applyDirectoryEvent, DirectoryRefusal } from "@/lib/customers/directory";
import { isDirectoryEventType, type DirectoryEvent } from "@/lib/customers/directory-schemas";
import type { ApiScope } from "@/lib/generated/prisma/enums";
import { validateDirectoryEvent } from "./directory-validation";
import {
  LOGIN_ATTEMPTS_INSERT_SQL,
  LOGIN_ATTEMPT_COLUMNS,
  OTP_DELIVERIES_INSERT_SQL,
  OTP_DELIVERY_COLUMNS,
  columnArrays,
  customerKey,
  type CustomerIndex,
} from "./event-rows";
import {
  validateEvent,
  type CustomerReference,
  type FieldError,
  type LoginAttemptEvent,
  type OtpDeliveryEvent,
} from "./schemas";

export type RejectedEvent = { index: number; eventId?: string; errors: FieldError[] };

export type IngestOutcome = {
  /** Events stored (or, for directory events, applied) by this request. */
  accepted: number;
  /** Valid events already stored (by an earlier or a concurrent request, or earlier in this batch). */
  duplicates: number;
  /** Directory events older than what the desk already has for their entity: valid, not applied. */
  superseded: number;
  /** Invalid events, by their index in the batch; nothing of them was stored. */
  rejected: RejectedEvent[];
};

type Queryable = {
  query: (sql: string, values: unknown[]) => Promise<{ rowCount: number | null; rows: unknown[] }>;
};

/** What each scope lets a key send; the other kind of event is refused one by one. */
const SCOPE_REFUSALS = {
  activity:
    "This API key does not have the events:write scope needed for login_attempt and otp_delivery events.",
  directory: "This API key does not have the directory:write scope needed for directory events.",
};

export async function ingestEvents(
  rawEvents: readonly unknown[],
  db: Queryable = getBulkPool(),
  scopes: readonly ApiScope[] = ["EVENTS_WRITE", "DIRECTORY_WRITE"],
  /** The API key the events came with: its identity system's directory events confirm its actions. */
  sourceKeyId?: string,
): Promise<IngestOutcome> {
  const attempts: LoginAttemptEvent[] = [];
  const deliveries: OtpDeliveryEvent[] = [];
  const directory: { index: number; event: DirectoryEvent }[] = [];
  const rejected: RejectedEvent[] = [];
  const seen = { login_attempt: new Set<string>(), otp_delivery: new Set<string>() };
  let repeatedInBatch = 0;

  rawEvents.forEach((raw, index) => {
    if (isDirectoryEventType((raw as { type?: unknown } | null)?.type)) {
      if (!scopes.includes("DIRECTORY_WRITE"))
        return void rejected.push({ index, errors: [{ field: "type", message: SCOPE_REFUSALS.directory }] });
      const checked = validateDirectoryEvent(raw);
      if (checked.ok) directory.push({ index, event: checked.event });
      else
        rejected.push({
          index,
          ...(checked.eventId ? { eventId: checked.eventId } : {}),
          errors: checked.errors,
        });
      return;
    }
    if (!scopes.includes("EVENTS_WRITE"))
      return void rejected.push({ index, errors: [{ field: "type", message: SCOPE_REFUSALS.activity }] });
    const result = validateEvent(raw);
    if (!result.ok) {
      rejected.push(
        result.eventId === undefined
          ? { index, errors: result.errors }
          : { index, eventId: result.eventId, errors: result.errors },
      );
      return;
    }
    const event = result.event;
    const ids = seen[event.type];
    if (ids.has(event.eventId)) {
      repeatedInBatch++;
      return;
    }
    ids.add(event.eventId);
    if (event.type === "login_attempt") attempts.push(event);
    else deliveries.push(event);
  });

  const applied = await applyDirectory(directory, rejected, sourceKeyId);
  const valid = attempts.length + deliveries.length;
  if (valid === 0)
    return {
      accepted: applied.accepted,
      duplicates: repeatedInBatch,
      superseded: applied.superseded,
      rejected: sorted(rejected),
    };

  const customers = await resolveCustomers(db, [
    ...attempts.map((event) => event.customer),
    ...deliveries.map((event) => event.customer),
  ]);
  const [storedAttempts, storedDeliveries] = await Promise.all([
    insertLoginAttempts(db, attempts, customers),
    insertOtpDeliveries(db, deliveries, customers),
  ]);
  const accepted = storedAttempts + storedDeliveries;
  return {
    accepted: accepted + applied.accepted,
    duplicates: repeatedInBatch + valid - accepted,
    superseded: applied.superseded,
    rejected: sorted(rejected),
  };
}

/** Directory events one by one, in batch order (lib/customers/directory.ts). */
async function applyDirectory(
  events: readonly { index: number; event: DirectoryEvent }[],
  rejected: RejectedEvent[],
  sourceKeyId: string | undefined,
): Promise<{ accepted: number; superseded: number }> {
  const counts = { accepted: 0, superseded: 0 };
  for (const { index, event } of events) {
    try {
      if ((await applyDirectoryEvent(event, sourceKeyId)) === "applied") counts.accepted++;
      else counts.superseded++;
    } catch (error) {
      if (!(error instanceof DirectoryRefusal)) throw error;
      rejected.push({
        index,
        eventId: event.eventId,
        errors: [{ field: error.field, message: error.message }],
      });
    }
  }
  return counts;
}

function sorted(rejected: RejectedEvent[]): RejectedEvent[] {
  return rejected.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------------

/** Every reference of the batch in one query, over the unique indexes on external_id and email_normalized. */
async function resolveCustomers(
  db: Queryable,
  references: readonly (CustomerReference | null | undefined)[],
): Promise<CustomerIndex> {
  const externalIds = new Set<string>();
  const emails = new Set<string>();
  for (const reference of references) {
    const key = customerKey(reference);
    if (!key) continue;
    if (key.externalId !== null) externalIds.add(key.externalId);
    else if (key.email !== null) emails.add(key.email);
  }
  const index: CustomerIndex = { byExternalId: new Map(), byEmail: new Map() };
  if (externalIds.size === 0 && emails.size === 0) return index;
  const { rows } = await db.query(
    `SELECT id, external_id, email_normalized FROM customers
      WHERE external_id = ANY($1::text[]) OR email_normalized = ANY($2::text[])`,
    [[...externalIds], [...emails]],
  );
  for (const row of rows as { id: string; external_id: string; email_normalized: string }[]) {
    index.byExternalId.set(row.external_id, row.id);
    index.byEmail.set(row.email_normalized, row.id);
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Inserts (statements and column arrays come from event-rows.ts)
// ---------------------------------------------------------------------------------------------

async function insertLoginAttempts(
  db: Queryable,
  events: readonly LoginAttemptEvent[],
  customers: CustomerIndex,
): Promise<number> {
  if (events.length === 0) return 0;
  const result = await db.query(
    LOGIN_ATTEMPTS_INSERT_SQL,
    columnArrays(events, LOGIN_ATTEMPT_COLUMNS, customers),
  );
  return result.rowCount ?? 0;
}

async function insertOtpDeliveries(
  db: Queryable,
  events: readonly OtpDeliveryEvent[],
  customers: CustomerIndex,
): Promise<number> {
  if (events.length === 0) return 0;
  const result = await db.query(
    OTP_DELIVERIES_INSERT_SQL,
    columnArrays(events, OTP_DELIVERY_COLUMNS, customers),
  );
  return result.rowCount ?? 0;
}
