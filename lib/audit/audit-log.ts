// Appends to the append-only, hash-chained audit log. Call appendAuditEvent inside the same
// transaction as the change it records, so a change never lands without its audit row.
import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditHashMaterialAround } from "./audit-hash";

type Tx = Prisma.TransactionClient;

export type AuditActor =
  | { type: "STAFF"; id: string; label: string }
  | { type: "API_KEY"; id: string; label: string }
  | { type: "SYSTEM"; label: string }
  | { type: "CUSTOMER"; label: string }
  | { type: "ANONYMOUS"; label?: string };

export type StaffActor = Extract<AuditActor, { type: "STAFF" }>;

/** The one way to name a staff member as the actor of an audit event. */
export function staffActor(staff: { id: string; email: string }): StaffActor {
  return { type: "STAFF", id: staff.id, label: staff.email };
}

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

// One chain for the whole database. append_audit_event (a migration) takes the transaction-scoped
// advisory lock that serialises appends, reads the last hash, hashes and inserts, all in one
// statement: one round trip while the lock is held instead of three.
export async function appendAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.$executeRaw(appendStatement(event));
}

/** For events that stand alone (a failed sign-in changes nothing else, a search only reads): the
 * one statement is its own transaction, so the lock is released as soon as the row is in. */
export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  await getDb().$executeRaw(appendStatement(event));
}

function appendStatement(event: AuditEventInput): Prisma.Sql {
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
  const { head, tail } = auditHashMaterialAround(content);
  return Prisma.sql`SELECT append_audit_event(
    ${content.occurredAt.toISOString()}::timestamptz, ${content.actorType}::"AuditActorType", ${content.actorId}, ${content.actorLabel},
    ${content.action}, ${content.targetType}, ${content.targetId}, ${content.reason}, ${content.ip}, ${JSON.stringify(content.data)}::jsonb,
    ${head}, ${tail})`;
}
