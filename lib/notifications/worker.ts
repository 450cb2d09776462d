// Sends pending notifications. Each run claims a batch with FOR UPDATE SKIP LOCKED (so several
// app instances never send the same message twice), sends, and records the result. Failures are
// retried with exponential backoff; after MAX_ATTEMPTS the message is marked FAILED for a human.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { NotificationTransport, OutgoingMessage } from "./transports";

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 60;

/** 30 s, 1, 2, 4 … minutes, capped at an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3_600, 30 * 2 ** Math.max(0, attempts - 1));
}

type Claimed = {
  id: string;
  channel: OutgoingMessage["channel"];
  destination: string;
  subject: string | null;
  body: string;
  attempts: number;
};

export type OutboxRun = { sent: number; failed: number; retrying: number };

export async function processOutbox(
  transports: Record<OutgoingMessage["channel"], NotificationTransport>,
  batchSize = 20,
): Promise<OutboxRun> {
  const db = getDb();
  // Claiming pushes next_attempt_at forward (a lease): if this process dies mid-send, another
  // instance picks the message up after the lease instead of it being stuck.
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE notifications SET next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id IN (
      SELECT n.id FROM notifications n
      WHERE n.status = 'PENDING' AND n.next_attempt_at <= now()
        -- Held until the identity system has confirmed (or the desk gave up on) the action it announces.
        AND (n.waits_for_action_id IS NULL OR NOT EXISTS (
          SELECT 1 FROM action_deliveries d
          WHERE d.action_id = n.waits_for_action_id AND d.status IN ('PENDING', 'FAILING')))
      ORDER BY n.next_attempt_at LIMIT ${batchSize} FOR UPDATE OF n SKIP LOCKED)
    RETURNING id, channel::text AS channel, destination, subject, body, attempts`;
  const run: OutboxRun = { sent: 0, failed: 0, retrying: 0 };
  for (const message of claimed) {
    try {
      await transports[message.channel].send(message);
      await db.notification.update({
        where: { id: message.id },
        data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      });
      run.sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db.notification.update({
        where: { id: message.id },
        data: {
          attempts,
          status: giveUp ? "FAILED" : "PENDING",
          // Keep the reason short: transport errors can echo addresses back.
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 300),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
        },
      });
      if (giveUp) run.failed += 1;
      else run.retrying += 1;
    }
  }
  return run;
}
