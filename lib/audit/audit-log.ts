// Appends to the append-only, hash-chained audit log. Call appendAuditEvent inside the same
// transaction as the change it records, so a change never lands without its audit row.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, hashAuditEvent } from "./audit-hash";

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
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
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
  await tx.auditEvent.create({
    data: { ...content, data: content.data as Prisma.InputJsonValue, prevHash, hash: hashAuditEvent(prevHash, content) },
  });
}

/** For events that stand alone (a failed sign-in changes nothing else). */
export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  await getDb().$transaction((tx) => appendAuditEvent(tx, event));
}
