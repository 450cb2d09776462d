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
  const material = canonicalJson({
    ...auditContentOf(content),
    occurredAt: content.occurredAt.toISOString(),
    prevHash,
  });
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

/**
 * The text that hashAuditEvent hashes, split where the previous hash goes: head + prevHash + tail.
 * The database fills in the previous hash while it holds the chain lock (append_audit_event), so
 * an append is one statement. Only valid because a hash is 64 hex digits, which JSON leaves as is.
 */
export function auditHashMaterialAround(content: AuditContent): { head: string; tail: string } {
  const fields: Record<string, unknown> = {
    ...auditContentOf(content),
    occurredAt: content.occurredAt.toISOString(),
  };
  // canonicalJson sorts keys by code unit, so "prevHash" sits between the keys below and above it.
  const inner = (keep: (key: string) => boolean) =>
    canonicalJson(Object.fromEntries(Object.entries(fields).filter(([key]) => keep(key)))).slice(1, -1);
  const before = inner((key) => key < "prevHash");
  const after = inner((key) => key > "prevHash");
  return {
    head: `{${before}${before ? "," : ""}"prevHash":"`,
    tail: `"${after ? "," : ""}${after}}`,
  };
}
