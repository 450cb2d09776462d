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
