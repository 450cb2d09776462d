// Walks the audit log in order and recomputes every hash. The first row whose prevHash is not
// the previous row's hash, or whose hash does not match its content, is where tampering started.
import "server-only";
import { getDb } from "@/lib/db/client";
import { auditContentOf, GENESIS_HASH, hashAuditEvent } from "./audit-hash";

export type ChainReport =
  | { ok: true; rows: number; lastHash: string }
  | {
      ok: false;
      rows: number;
      brokenAt: bigint;
      problem: "wrong-previous-hash" | "content-does-not-match-hash";
    };

const BATCH = 5_000;

export async function verifyAuditChain(): Promise<ChainReport> {
  const db = getDb();
  let prev = GENESIS_HASH;
  let rows = 0;
  let after = -1n;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return { ok: true, rows, lastHash: prev };
    for (const row of batch) {
      if (row.prevHash !== prev)
        return { ok: false, rows, brokenAt: row.seq, problem: "wrong-previous-hash" };
      if (hashAuditEvent(prev, auditContentOf(row)) !== row.hash) {
        return { ok: false, rows, brokenAt: row.seq, problem: "content-does-not-match-hash" };
      }
      prev = row.hash;
      rows += 1;
      after = row.seq;
    }
  }
}
