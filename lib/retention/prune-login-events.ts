// Retention of login events: login attempts and code deliveries older than the retention period
// are deleted in small batches, oldest first, so the job never holds long locks or bloats one
// transaction. `npm run db:prune-events -- --days 180` (docs/operations.md, "Retention").
// Cases, resets, scam reports and the audit log are not touched: they are the record of what staff
// did, and the audit log is append-only by design.
import "server-only";
import { getDb } from "@/lib/db/client";

export const MIN_RETENTION_DAYS = 30;

export type PruneReport = { cutoff: Date; loginAttempts: number; otpDeliveries: number };

// Ids grow with arrival, so walking the primary key from the start finds the old rows first and
// stops after one batch, with no index on the timestamp needed.
const DELETE_SQL = {
  loginAttempts:
    "DELETE FROM login_attempts WHERE id IN (SELECT id FROM login_attempts WHERE occurred_at < $1 ORDER BY id LIMIT $2)",
  otpDeliveries:
    "DELETE FROM otp_deliveries WHERE id IN (SELECT id FROM otp_deliveries WHERE sent_at < $1 ORDER BY id LIMIT $2)",
} as const;

export async function pruneLoginEvents(
  retentionDays: number,
  { now = new Date(), batchRows = 10_000 } = {},
): Promise<PruneReport> {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS) {
    throw new Error(`Keep at least ${MIN_RETENTION_DAYS} days of login events (got ${retentionDays}).`);
  }
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const report: PruneReport = { cutoff, loginAttempts: 0, otpDeliveries: 0 };
  for (const table of ["loginAttempts", "otpDeliveries"] as const) {
    for (;;) {
      const deleted = await getDb().$executeRawUnsafe(DELETE_SQL[table], cutoff, batchRows);
      report[table] += deleted;
      if (deleted < batchRows) break;
    }
  }
  return report;
}
