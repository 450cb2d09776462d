// The bulk first load of the identity system's customers (`npm run directory:import`): many
// customer_upserted events at once, with the same rules as one event through the API
// (lib/customers/directory.ts) but one statement per few thousand customers instead of one
// transaction each. Used once when a company connects the desk; the API keeps it current after.
//
// Per batch: validate each line (the directory schema), drop lines whose email belongs to another
// customer (in the database or earlier in the batch), then one INSERT ... SELECT FROM unnest(...)
// ON CONFLICT (external_id) DO UPDATE ... WHERE the stored stamp is older. Running a file twice, or
// resuming after a crash, changes nothing that was already applied.
import "server-only";
import type pg from "pg";
import { directoryEventSchema } from "./directory-schemas";
import { toNameKey } from "./name-key";

export type ImportRejection = { line: number; errors: { field: string; message: string }[] };

export type BatchOutcome = { applied: number; superseded: number; rejected: ImportRejection[] };

const STATUS: Record<string, string> = {
  active: "ACTIVE",
  locked: "LOCKED",
  disabled: "SUSPENDED",
  closed: "CLOSED",
};

type Row = {
  line: number;
  externalId: string;
  fullName: string;
  nameKey: string;
  email: string;
  emailNormalized: string;
  phone: string | null;
  country: string | null;
  status: string;
  createdAt: string;
  sourceAt: string;
  sourceVersion: string;
};

const UPSERT_SQL = `
  INSERT INTO customers (external_id, full_name, name_key, email, email_normalized, phone_e164, country, status,
                         created_at, source_updated_at, source_version)
  SELECT u.external_id, u.full_name, u.name_key, u.email, u.email_normalized, u.phone, u.country,
         u.status::"CustomerStatus", u.created_at, u.source_at, u.source_version
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
              $9::timestamptz[], $10::timestamptz[], $11::int8[])
    AS u(external_id, full_name, name_key, email, email_normalized, phone, country, status, created_at, source_at,
         source_version)
  ON CONFLICT (external_id) DO UPDATE SET
    full_name = EXCLUDED.full_name, name_key = EXCLUDED.name_key, email = EXCLUDED.email,
    email_normalized = EXCLUDED.email_normalized, phone_e164 = EXCLUDED.phone_e164, country = EXCLUDED.country,
    status = EXCLUDED.status, source_updated_at = EXCLUDED.source_updated_at,
    source_version = EXCLUDED.source_version, updated_at = now()
  WHERE customers.erased_at IS NULL
    AND (customers.source_updated_at IS NULL
         OR (customers.source_updated_at, customers.source_version) < (EXCLUDED.source_updated_at, EXCLUDED.source_version))`;

/** A batch parsed and validated, ready to write: CPU work, done while the previous batch is written. */
export type PreparedBatch = { lines: number; rows: Row[]; rejected: ImportRejection[] };

/** Parses and validates one batch of NDJSON lines (`first` is the number of the first line). */
export function prepareCustomerBatch(lines: readonly string[], first: number): PreparedBatch {
  const rejected: ImportRejection[] = [];
  const byExternalId = new Map<string, Row>();
  lines.forEach((text, offset) => {
    const line = first + offset;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return void rejected.push({ line, errors: [{ field: "line", message: "Not valid JSON." }] });
    }
    const parsed = directoryEventSchema.safeParse(raw);
    if (!parsed.success)
      return void rejected.push({
        line,
        errors: parsed.error.issues.map((issue) => ({
          field: issue.path.join(".") || "event",
          message: issue.message,
        })),
      });
    const event = parsed.data;
    if (event.type !== "customer_upserted")
      return void rejected.push({
        line,
        errors: [
          {
            field: "type",
            message: "The import takes customer_upserted lines; send other events to the API.",
          },
        ],
      });
    const c = event.customer;
    const row: Row = {
      line,
      externalId: c.externalId.trim(),
      fullName: c.name.trim(),
      nameKey: toNameKey(c.name),
      email: c.email.trim(),
      emailNormalized: c.email.trim().toLowerCase(),
      phone: c.phone?.trim() ?? null,
      country: c.country ?? null,
      status: STATUS[c.status] ?? "ACTIVE",
      createdAt: c.createdAt,
      sourceAt: event.occurredAt,
      sourceVersion: String(event.version ?? 0),
    };
    // Two lines for one customer in a batch: the newer one goes in (one statement cannot take both).
    const earlier = byExternalId.get(row.externalId);
    if (!earlier || newer(row, earlier)) byExternalId.set(row.externalId, row);
  });

  return { lines: lines.length, rows: [...byExternalId.values()], rejected };
}

/** Writes a prepared batch (in the caller's transaction). */
export async function writeCustomerBatch(client: pg.ClientBase, batch: PreparedBatch): Promise<BatchOutcome> {
  const rejected = [...batch.rejected];
  // An email is one customer's: refuse a line whose email another customer has.
  const candidates = batch.rows;
  const { rows: owners } = await client.query<{ email_normalized: string; external_id: string }>(
    "SELECT email_normalized, external_id FROM customers WHERE email_normalized = ANY($1::text[])",
    [candidates.map((row) => row.emailNormalized)],
  );
  const owner = new Map(owners.map((row) => [row.email_normalized, row.external_id]));
  const rows: Row[] = [];
  for (const row of candidates) {
    const holder = owner.get(row.emailNormalized);
    if (holder !== undefined && holder !== row.externalId) {
      rejected.push({
        line: row.line,
        errors: [{ field: "customer.email", message: "This email belongs to another customer." }],
      });
      continue;
    }
    owner.set(row.emailNormalized, row.externalId);
    rows.push(row);
  }
  rejected.sort((a, b) => a.line - b.line);
  if (rows.length === 0) return { applied: 0, superseded: batch.lines - rejected.length, rejected };
  const result = await client.query(UPSERT_SQL, [
    rows.map((row) => row.externalId),
    rows.map((row) => row.fullName),
    rows.map((row) => row.nameKey),
    rows.map((row) => row.email),
    rows.map((row) => row.emailNormalized),
    rows.map((row) => row.phone),
    rows.map((row) => row.country),
    rows.map((row) => row.status),
    rows.map((row) => row.createdAt),
    rows.map((row) => row.sourceAt),
    rows.map((row) => row.sourceVersion),
  ]);
  const applied = result.rowCount ?? 0;
  return { applied, superseded: batch.lines - rejected.length - applied, rejected };
}

function newer(a: Row, b: Row): boolean {
  const at = Date.parse(a.sourceAt) - Date.parse(b.sourceAt);
  return at !== 0 ? at > 0 : BigInt(a.sourceVersion) > BigInt(b.sourceVersion);
}
