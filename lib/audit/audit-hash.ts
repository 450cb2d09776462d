// The hash chain of the audit log: each row's hash covers its content and the previous row's
// hash, so changing, removing or inserting a row breaks every hash after it.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  ip: string | null;
  data: unknown;
};

export function hashAuditEvent(prevHash: string, content: AuditContent): string {
  const material = canonicalJson({ ...auditContentOf(content), occurredAt: content.occurredAt.toISOString(), prevHash });
  return createHash("sha256").update(material).digest("hex");
}

/**
 * The same hash material split around the previous hash: material = before + prevHash + after.
 * It lets PostgreSQL compute the hash in the INSERT that reads the previous row (see
 * appendAuditEvent), so the chain lock is held for one statement instead of a read, a hash in
 * JavaScript and a write. Valid because a hash is hex, which JSON writes without escapes.
 */
export function hashMaterialAroundPrevHash(content: AuditContent): { before: string; after: string } {
  const fields: Record<string, unknown> = { ...auditContentOf(content), occurredAt: content.occurredAt.toISOString() };
  // canonicalJson's rules at the top level: keys sorted by code unit, undefined values left out.
  const keys = [...Object.keys(fields).filter((key) => fields[key] !== undefined), "prevHash"].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = keys.indexOf("prevHash");
  const entry = (key: string) => `${JSON.stringify(key)}:${canonicalJson(fields[key])}`;
  const head = keys.slice(0, at).map(entry);
  const tail = keys.slice(at + 1).map(entry);
  return {
    before: `{${head.map((item) => `${item},`).join("")}"prevHash":"`,
    after: `"${tail.map((item) => `,${item}`).join("")}}`,
  };
}

/** The hashed fields of a stored row (what `audit:verify` recomputes). */
export function auditContentOf(row: AuditContent): AuditContent {
  return {
    occurredAt: row.occurredAt,
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    reason: row.reason,
    ip: row.ip,
    data: row.data,
  };
}
