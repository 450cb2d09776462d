// Applies directory events (lib/customers/directory-schemas.ts) to the desk's copy of the identity
// system's directory: customers, their second factors and sessions, contact changes, status.
//
// Out of order is normal. Each entity (customer, factor, session) remembers the stamp of the newest
// event applied to it, (occurredAt, version); an event applies only when its stamp is newer, inside
// one statement (INSERT ... ON CONFLICT ... DO UPDATE ... WHERE stored < incoming), so concurrent
// batches cannot interleave a check and a write. A removal that arrives before the enrolment it
// undoes leaves a removed row (a tombstone) with its stamp, so the late enrolment finds it newer
// and is ignored: any order of the same events ends in the same state.
//
// Events about a customer the desk does not know yet (other than customer_upserted) are refused
// with "unknown customer", which the identity system resends after the customer_upserted (207).
// Each event runs in its own transaction: one refusal never undoes another event of the batch.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CustomerStatus, Prisma } from "@/lib/generated/prisma/client";
import { confirmDeliveriesFromDirectory } from "@/lib/integrations/deliveries";
import { answerFromIdentitySystemInTx } from "@/lib/caller-verification/caller-verification";
import { erasePersonalEventData } from "@/lib/ingest/erasure";
import { sealContact } from "./contact-values";
import type { DirectoryEvent } from "./directory-schemas";
import { toNameKey } from "./name-key";

type Tx = Prisma.TransactionClient;

export type DirectoryOutcome = "applied" | "superseded";

export class DirectoryRefusal extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "DirectoryRefusal";
  }
}

const STATUS: Record<string, CustomerStatus> = {
  active: "ACTIVE",
  locked: "LOCKED",
  disabled: "SUSPENDED",
  closed: "CLOSED",
};

const FACTOR_LABELS: Record<string, string> = {
  sms: "Text message",
  email: "Email",
  authenticator_app: "Authenticator app",
  passkey: "Passkey",
  backup_codes: "Backup codes",
};

type Stamp = { at: Date; version: bigint };

function stampOf(event: { occurredAt: string; version?: number | undefined }): Stamp {
  return { at: new Date(event.occurredAt), version: BigInt(event.version ?? 0) };
}

/** Applies one validated event; throws DirectoryRefusal for a client mistake (unknown customer, …). */
export async function applyDirectoryEvent(
  event: DirectoryEvent,
  sourceKeyId?: string,
): Promise<DirectoryOutcome> {
  try {
    return await getDb().$transaction((tx) => apply(tx, event, sourceKeyId ?? null));
  } catch (error) {
    if (isUniqueViolation(error, "email_normalized"))
      throw new DirectoryRefusal("customer.email already belongs to another customer.", "customer.email");
    throw error;
  }
}

async function apply(tx: Tx, event: DirectoryEvent, source: string | null): Promise<DirectoryOutcome> {
  const stamp = stampOf(event);
  if (event.type === "customer_upserted") return upsertCustomer(tx, event, stamp);
  const customerId = await findCustomer(tx, event.customer.externalId);
  switch (event.type) {
    case "customer_erased":
      return eraseCustomer(tx, customerId, stamp);
    case "factor_enrolled":
    case "factor_removed":
      return applyFactor(tx, customerId, event, stamp, source);
    case "session_started":
    case "session_ended":
      return applySession(tx, customerId, event, stamp, source);
    case "contact_changed":
      return changeContact(tx, customerId, event, stamp);
    case "account_status_changed":
      return changeStatus(tx, customerId, event, stamp, source);
    case "caller_verification_answered":
      return answerPrompt(tx, customerId, event, source);
  }
}

async function findCustomer(tx: Tx, externalId: string): Promise<string> {
  const row = await tx.customer.findUnique({ where: { externalId }, select: { id: true, erasedAt: true } });
  if (!row)
    throw new DirectoryRefusal(
      "Unknown customer: send their customer_upserted first, then resend this event.",
      "customer.externalId",
    );
  if (row.erasedAt)
    throw new DirectoryRefusal(
      "This customer was erased; nothing more is kept about them.",
      "customer.externalId",
    );
  return row.id;
}

/** The SQL condition "the stored stamp is older than the incoming one" for a table alias. */
const NEWER = (table: string) =>
  `(${table}.source_updated_at IS NULL OR (${table}.source_updated_at, ${table}.source_version) < (EXCLUDED.source_updated_at, EXCLUDED.source_version))`;

async function upsertCustomer(
  tx: Tx,
  event: Extract<DirectoryEvent, { type: "customer_upserted" }>,
  stamp: Stamp,
): Promise<DirectoryOutcome> {
  const c = event.customer;
  const email = c.email.trim();
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO customers (external_id, full_name, name_key, email, email_normalized, phone_e164, country, status,
                            created_at, source_updated_at, source_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::"CustomerStatus", $9, $10, $11)
     ON CONFLICT (external_id) DO UPDATE SET
       full_name = EXCLUDED.full_name, name_key = EXCLUDED.name_key, email = EXCLUDED.email,
       email_normalized = EXCLUDED.email_normalized, phone_e164 = EXCLUDED.phone_e164, country = EXCLUDED.country,
       status = EXCLUDED.status, source_updated_at = EXCLUDED.source_updated_at,
       source_version = EXCLUDED.source_version, updated_at = now()
     WHERE customers.erased_at IS NULL AND ${NEWER("customers")}
     RETURNING id`,
    c.externalId.trim(),
    c.name.trim(),
    toNameKey(c.name),
    email,
    email.toLowerCase(),
    c.phone?.trim() ?? null,
    c.country ?? null,
    STATUS[c.status],
    new Date(c.createdAt),
    stamp.at,
    stamp.version,
  );
  return rows.length > 0 ? "applied" : "superseded";
}

async function applyFactor(
  tx: Tx,
  customerId: string,
  event: Extract<DirectoryEvent, { type: "factor_enrolled" | "factor_removed" }>,
  stamp: Stamp,
  source: string | null,
): Promise<DirectoryOutcome> {
  const removed = event.type === "factor_removed";
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO second_factors (customer_id, type, label, destination, enrolled_at, removed_at, external_id,
                                 source_updated_at, source_version)
     VALUES ($1::uuid, $2::"FactorType", $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (customer_id, external_id) DO UPDATE SET
       type = EXCLUDED.type, label = EXCLUDED.label,
       destination = coalesce(EXCLUDED.destination, second_factors.destination),
       removed_at = EXCLUDED.removed_at, source_updated_at = EXCLUDED.source_updated_at,
       source_version = EXCLUDED.source_version
     WHERE ${NEWER("second_factors")}
     RETURNING id`,
    customerId,
    event.factor.type.toUpperCase(),
    event.factor.label?.trim() ?? FACTOR_LABELS[event.factor.type] ?? "Second factor",
    event.factor.destinationMasked ?? null,
    stamp.at,
    removed ? stamp.at : null,
    event.factor.id,
    stamp.at,
    stamp.version,
  );
  if (rows.length === 0) return "superseded";
  await recordChange(tx, customerId, removed ? "FACTOR_REMOVED" : "FACTOR_ADDED", event.eventId, stamp.at);
  // The identity system says the factor is gone: that confirms a reset the desk sent it.
  if (removed) await confirmDeliveriesFromDirectory(tx, source, customerId, ["FACTORS_RESET"], stamp.at);
  return "applied";
}

async function applySession(
  tx: Tx,
  customerId: string,
  event: Extract<DirectoryEvent, { type: "session_started" | "session_ended" }>,
  stamp: Stamp,
  source: string | null,
): Promise<DirectoryOutcome> {
  const started = event.type === "session_started" ? event.session : null;
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO customer_sessions (customer_id, external_id, device_id, device_label, user_agent, ip, country, city,
                                    created_at, last_seen_at, revoked_at, revoked_reason, source_updated_at, source_version)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $9, $12)
     ON CONFLICT (customer_id, external_id) DO UPDATE SET
       device_id = coalesce(EXCLUDED.device_id, customer_sessions.device_id),
       device_label = coalesce(EXCLUDED.device_label, customer_sessions.device_label),
       user_agent = coalesce(EXCLUDED.user_agent, customer_sessions.user_agent),
       ip = coalesce(EXCLUDED.ip, customer_sessions.ip),
       country = coalesce(EXCLUDED.country, customer_sessions.country),
       city = coalesce(EXCLUDED.city, customer_sessions.city),
       last_seen_at = greatest(customer_sessions.last_seen_at, EXCLUDED.last_seen_at),
       revoked_at = EXCLUDED.revoked_at, revoked_reason = EXCLUDED.revoked_reason,
       source_updated_at = EXCLUDED.source_updated_at, source_version = EXCLUDED.source_version
     WHERE ${NEWER("customer_sessions")}
     RETURNING id`,
    customerId,
    event.session.id,
    started?.deviceId ?? null,
    started?.deviceLabel ?? null,
    started?.userAgent ?? null,
    started?.ip?.trim() ?? null,
    started?.country ?? null,
    started?.city ?? null,
    stamp.at,
    started ? null : stamp.at,
    event.type === "session_ended" ? (event.reason ?? "Ended by the identity system") : null,
    stamp.version,
  );
  if (rows.length === 0) return "superseded";
  if (!started) {
    const live = await tx.customerSession.count({ where: { customerId, revokedAt: null } });
    const kinds = live === 0 ? (["SESSION_ENDED", "SESSIONS_ENDED"] as const) : (["SESSION_ENDED"] as const);
    await confirmDeliveriesFromDirectory(tx, source, customerId, [...kinds], stamp.at);
  }
  return "applied";
}

async function changeContact(
  tx: Tx,
  customerId: string,
  event: Extract<DirectoryEvent, { type: "contact_changed" }>,
  stamp: Stamp,
): Promise<DirectoryOutcome> {
  const kind =
    event.field === "email"
      ? "EMAIL_CHANGED"
      : event.field === "phone"
        ? "PHONE_CHANGED"
        : "PASSWORD_CHANGED";
  const inserted = await tx.accountChange.createMany({
    data: [
      {
        customerId,
        kind,
        occurredAt: stamp.at,
        ip: event.ip?.trim() ?? null,
        deviceId: event.deviceId ?? null,
        previousValue: sealContact(event.previousValue?.trim()),
        newValue: sealContact(event.newValue?.trim()),
        eventId: event.eventId,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return "superseded";
  // The history row is a fact whatever its age; the profile takes the value only if it is the newest.
  if (event.field !== "password" && event.newValue) {
    const value = event.newValue.trim();
    await tx.$executeRawUnsafe(
      `UPDATE customers SET ${event.field === "email" ? "email = $2, email_normalized = lower($2)" : "phone_e164 = $2"},
              source_updated_at = $3, source_version = $4, updated_at = now()
       WHERE id = $1::uuid AND (source_updated_at IS NULL OR (source_updated_at, source_version) < ($3, $4))`,
      customerId,
      value,
      stamp.at,
      stamp.version,
    );
  }
  return "applied";
}

async function changeStatus(
  tx: Tx,
  customerId: string,
  event: Extract<DirectoryEvent, { type: "account_status_changed" }>,
  stamp: Stamp,
  source: string | null,
): Promise<DirectoryOutcome> {
  // updated_at is the version an agent's open page sends back with an action: the identity system
  // reporting a status the desk already shows (the echo of the desk's own lock) changes nothing the
  // agent sees, so it must not make their next action "changed after you opened the page".
  const status = STATUS[event.status];
  const updated = await tx.$executeRaw`
    UPDATE customers SET status = ${status}::"CustomerStatus", source_updated_at = ${stamp.at},
           source_version = ${stamp.version},
           updated_at = CASE WHEN status = ${status}::"CustomerStatus" THEN updated_at ELSE now() END
    WHERE id = ${customerId}::uuid
      AND (source_updated_at IS NULL OR (source_updated_at, source_version) < (${stamp.at}, ${stamp.version}))`;
  if (updated === 0) return "superseded";
  await confirmDeliveriesFromDirectory(
    tx,
    source,
    customerId,
    event.status === "active" ? ["ACCOUNT_UNLOCKED"] : ["ACCOUNT_LOCKED"],
    stamp.at,
  );
  return "applied";
}

/** The customer's answer to a caller-verification prompt in the identity system's app. */
async function answerPrompt(
  tx: Tx,
  customerId: string,
  event: Extract<DirectoryEvent, { type: "caller_verification_answered" }>,
  source: string | null,
): Promise<DirectoryOutcome> {
  const answered = await answerFromIdentitySystemInTx(tx, {
    verificationId: event.verificationId,
    customerId,
    answer: event.answer,
    sourceKeyId: source,
  });
  if (!answered.ok) throw new DirectoryRefusal(answered.message, "verificationId");
  return "applied";
}

/**
 * GDPR erasure on the identity system's request: the customer's name, email, phone, country,
 * factor destinations, session addresses and devices, replaced contact values, and the addresses,
 * identifiers and user agents of their sign-in and code events are removed. What stays is
 * pseudonymous: the desk's ids, times, outcomes and kinds (so counts and audit history still add
 * up), and the audit log itself, which is append-only and hash-chained (docs/identity-system.md).
 */
async function eraseCustomer(tx: Tx, customerId: string, stamp: Stamp): Promise<DirectoryOutcome> {
  await tx.$executeRaw`
    UPDATE customers SET full_name = 'Erased customer', name_key = 'erased customer',
           email = 'erased-' || id || '@erased.invalid', email_normalized = 'erased-' || id || '@erased.invalid',
           phone_e164 = NULL, country = NULL, flag_reason = NULL, erased_at = ${stamp.at},
           source_updated_at = ${stamp.at}, source_version = ${stamp.version}, updated_at = now()
    WHERE id = ${customerId}::uuid`;
  await tx.secondFactor.updateMany({ where: { customerId }, data: { destination: null } });
  await tx.customerSession.updateMany({
    where: { customerId },
    data: { ip: null, userAgent: null, city: null, deviceLabel: null, deviceId: null },
  });
  await tx.accountChange.updateMany({
    where: { customerId },
    data: { previousValue: null, newValue: null, ip: null, deviceId: null },
  });
  await erasePersonalEventData(tx, customerId);
  return "applied";
}

async function recordChange(
  tx: Tx,
  customerId: string,
  kind: "FACTOR_ADDED" | "FACTOR_REMOVED",
  eventId: string,
  at: Date,
): Promise<void> {
  await tx.accountChange.createMany({
    data: [{ customerId, kind, occurredAt: at, eventId }],
    skipDuplicates: true,
  });
}

function isUniqueViolation(error: unknown, column: string): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return text.includes("23505") && text.includes(column);
}
