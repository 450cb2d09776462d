// Appends to the append-only, hash-chained audit log. Call appendAuditEvent inside the same
// transaction as the change it records, so a change never lands without its audit row.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, hashMaterialAroundPrevHash } from "./audit-hash";

type Tx = Prisma.TransactionClient;

export type AuditActor =
  | { type: "STAFF"; id: string; label: string }
  | { type: "API_KEY"; id: string; label: string }
  | { type: "SYSTEM"; label: string }
  | { type: "CUSTOMER"; label: string }
  | { type: "ANONYMOUS"; label?: string };

export type AuditEventInput = {
  actor: AuditActor;
  /** Dotted verb, e.g. "staff.sign_in.succeeded", "customer.pii.revealed". */
  action: string;
  target?: { type: string; id: string };
  reason?: string;
  ip?: string;
  /** Context for investigators. Never secrets, codes, passwords or full PII. */
  data?: Record<string, unknown>;
};

// One chain for the whole database: appends are serialised by a transaction-scoped advisory lock,
// which every app instance shares.
const AUDIT_CHAIN_LOCK = 7_231_001;

export async function appendAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  const content = {
    occurredAt: new Date(),
    actorType: event.actor.type,
    actorId: "id" in event.actor ? event.actor.id : null,
    actorLabel: event.actor.label ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    reason: event.reason ?? null,
    ip: event.ip ?? null,
    data: event.data ?? {},
  };
  // Everything that does not depend on the previous row is prepared before taking the lock. Under
  // load the lock is held while this process's event loop gets round to each next statement, so
  // the fewer statements inside it, the less every other append in every instance waits: the
  // INSERT reads the previous hash and PostgreSQL computes the new one (sha256 over the same bytes
  // as hashAuditEvent). It is a statement of its own after the lock, so its snapshot already
  // includes the row the previous holder committed.
  const { before, after } = hashMaterialAroundPrevHash(content);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  await tx.$executeRaw`
    INSERT INTO audit_events (occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, reason, ip, data, prev_hash, hash)
    SELECT ${content.occurredAt}::timestamptz, ${content.actorType}::"AuditActorType", ${content.actorId}::text, ${content.actorLabel}::text,
           ${content.action}::text, ${content.targetType}::text, ${content.targetId}::text, ${content.reason}::text, ${content.ip}::text,
           ${JSON.stringify(content.data)}::jsonb, head.hash,
           encode(sha256(${Buffer.from(before, "utf8")}::bytea || convert_to(head.hash, 'UTF8') || ${Buffer.from(after, "utf8")}::bytea), 'hex')
      FROM (SELECT coalesce((SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1), ${GENESIS_HASH}::text) AS hash) AS head`;
}

/** For events that stand alone (a failed sign-in changes nothing else). */
export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  await getDb().$transaction((tx) => appendAuditEvent(tx, event));
}
