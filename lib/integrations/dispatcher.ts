// Delivers account actions to identity-system endpoints. The same outbox pattern as customer
// notifications (lib/notifications/worker.ts; decision record 011): rows written with the decision,
// claimed with FOR UPDATE SKIP LOCKED so several instances never send one twice at the same time,
// and a lease (next_attempt_at pushed forward at claim) so a process killed mid-send leaves the row
// to be claimed again after the lease: at least once, never lost.
//
// Order: only the oldest unsettled delivery of each customer to each endpoint can be claimed, so
// one customer's actions arrive in the order they were decided, even across retries (a "locked"
// never overtakes the "sessions ended" before it). Different customers go out in parallel.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { fail, succeed, type Result } from "@/lib/result";
import { privateNetworkAllowed } from "@/lib/env";
import { refreshActionStatus } from "@/lib/account-actions/outbound";
import { log } from "@/lib/log";
import { queueIntegrationAlert } from "@/lib/notifications/outbox";
import { DeliveryError, postSigned, type PostOutcome } from "./http-post";
import { outgoingRequest } from "./formats";

/** Attempts before a delivery is given up (dead-lettered) for an admin to redeliver. */
export const MAX_DELIVERY_ATTEMPTS = 12;
const LEASE_SECONDS = 30;
/** Admins are emailed when a delivery has failed this many times (and at most hourly per endpoint). */
const ALERT_AFTER_ATTEMPTS = 3;

/**
 * 2, 4, 8 … seconds, capped at 30 minutes, each spread by ±25 % (jitter) so that receivers
 * coming back up are not hit by every instance's retries in the same second.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(1_800_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

type Claimed = { id: string; actionId: string; endpointId: string; attempts: number };

export type DispatchRun = { delivered: number; retrying: number; gaveUp: number };

export type DispatchOptions = { batchSize?: number; timeoutMs?: number };

export async function processDeliveries({
  batchSize = 50,
  timeoutMs,
}: DispatchOptions = {}): Promise<DispatchRun> {
  const db = getDb();
  const claimed = await db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM action_deliveries d
      JOIN integration_endpoints e ON e.id = d.endpoint_id
      WHERE d.status IN ('PENDING', 'FAILING') AND d.next_attempt_at <= now()
        AND e.removed_at IS NULL AND e.paused_at IS NULL AND e.format <> 'POLL'
        AND NOT EXISTS (
          SELECT 1 FROM action_deliveries earlier
          WHERE earlier.endpoint_id = d.endpoint_id AND earlier.customer_id = d.customer_id
            AND earlier.sequence < d.sequence AND earlier.status IN ('PENDING', 'FAILING'))
      ORDER BY d.next_attempt_at, d.sequence
      LIMIT ${batchSize}
      FOR UPDATE OF d SKIP LOCKED)
    UPDATE action_deliveries d SET next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
    FROM due WHERE d.id = due.id
    RETURNING d.id, d.action_id AS "actionId", d.endpoint_id AS "endpointId", d.attempts`;
  const run: DispatchRun = { delivered: 0, retrying: 0, gaveUp: 0 };
  if (claimed.length === 0) return run;

  const [actions, endpoints] = await Promise.all([
    db.accountAction.findMany({
      where: { id: { in: claimed.map((row) => row.actionId) } },
      select: {
        id: true,
        kind: true,
        sequence: true,
        reason: true,
        detail: true,
        createdAt: true,
        customer: { select: { externalId: true } },
      },
    }),
    db.integrationEndpoint.findMany({
      where: { id: { in: [...new Set(claimed.map((row) => row.endpointId))] } },
      select: {
        id: true,
        format: true,
        url: true,
        secretEnc: true,
        previousSecretEnc: true,
        previousSecretExpiresAt: true,
      },
    }),
  ]);
  const allowPrivate = privateNetworkAllowed();
  const alertEndpoints = new Set<string>();

  await Promise.all(
    claimed.map(async (delivery) => {
      const action = actions.find((row) => row.id === delivery.actionId);
      const endpoint = endpoints.find((row) => row.id === delivery.endpointId);
      const startedAt = new Date();
      let outcome: PostOutcome | null = null;
      let error: string | null = null;
      if (!action || !endpoint?.url) {
        error = "The action or endpoint is gone.";
      } else {
        const request = await outgoingRequest(
          { ...endpoint, url: endpoint.url },
          { ...action, customerExternalId: action.customer.externalId },
          startedAt,
        );
        try {
          outcome = await postSigned(endpoint.url, request.body, request.headers, {
            allowPrivate,
            timeoutMs,
          });
          if (outcome.statusCode < 200 || outcome.statusCode > 299)
            error = `The receiver answered ${outcome.statusCode}.`;
        } catch (caught) {
          error = caught instanceof Error ? caught.message.slice(0, 300) : String(caught);
          outcome = null;
          if (caught instanceof DeliveryError)
            outcome = { statusCode: 0, latencyMs: caught.latencyMs, excerpt: "" };
        }
      }
      const attempts = delivery.attempts + 1;
      const delivered = error === null;
      const gaveUp = !delivered && attempts >= MAX_DELIVERY_ATTEMPTS;
      // The attempt, the delivery's new state and the action's summary commit together: a process
      // killed right after cannot leave a delivered action that still reads "decided".
      await db.$transaction(async (tx) => {
        await tx.deliveryAttempt.create({
          data: {
            deliveryId: delivery.id,
            endpointId: delivery.endpointId,
            startedAt,
            statusCode: outcome && outcome.statusCode > 0 ? outcome.statusCode : null,
            latencyMs: outcome?.latencyMs ?? 0,
            responseExcerpt: outcome?.excerpt || null,
            error,
          },
        });
        await tx.actionDelivery.update({
          where: { id: delivery.id },
          data: delivered
            ? { status: "DELIVERED", attempts, deliveredAt: new Date(), lastError: null }
            : {
                status: gaveUp ? "DEAD" : "FAILING",
                attempts,
                lastError: error,
                nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
              },
        });
        await refreshActionStatus(tx, [delivery.actionId]);
      });
      if (delivered) run.delivered += 1;
      else if (gaveUp) run.gaveUp += 1;
      else run.retrying += 1;
      if (!delivered && (attempts === ALERT_AFTER_ATTEMPTS || gaveUp))
        alertEndpoints.add(delivery.endpointId);
    }),
  );
  for (const endpointId of alertEndpoints) await alertAdmins(endpointId);
  return run;
}

/** Emails every active admin, at most once an hour per endpoint (the console badge is always on). */
async function alertAdmins(endpointId: string): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const claimed = await tx.integrationEndpoint.updateManyAndReturn({
      where: {
        id: endpointId,
        OR: [{ alertedAt: null }, { alertedAt: { lt: new Date(Date.now() - 3_600_000) } }],
      },
      data: { alertedAt: new Date() },
      select: { name: true },
    });
    const endpoint = claimed[0];
    if (!endpoint) return;
    const admins = await tx.staffUser.findMany({
      where: { role: "ADMIN", deactivatedAt: null },
      select: { email: true },
    });
    const failing = await tx.actionDelivery.count({
      where: { endpointId, status: { in: ["FAILING", "DEAD"] } },
    });
    await queueIntegrationAlert(tx, {
      endpointId,
      endpointName: endpoint.name,
      failing,
      adminEmails: admins.map((admin) => admin.email),
    });
    log.warn("integrations.deliveries_failing", { endpointId, failing });
  });
}

/**
 * "Send a test delivery": a signed `desk.test` event sent now, its answer recorded in the delivery
 * log and returned to the admin. It is not an account action; receivers should answer 2xx and
 * apply nothing.
 */
export async function sendTestDelivery(ctx: StaffContext, input: { endpointId: string }): Promise<Result> {
  const db = getDb();
  const endpoint = await db.integrationEndpoint.findFirst({
    where: { id: input.endpointId, removedAt: null },
    select: {
      id: true,
      name: true,
      format: true,
      url: true,
      secretEnc: true,
      previousSecretEnc: true,
      previousSecretExpiresAt: true,
    },
  });
  if (!endpoint) return fail("That endpoint does not exist or was removed.");
  if (!endpoint.url || endpoint.format === "POLL")
    return fail("A poll endpoint cannot be sent a test: the identity system fetches actions itself.");
  const startedAt = new Date();
  const request = await outgoingRequest({ ...endpoint, url: endpoint.url }, null, startedAt);
  let outcome: PostOutcome | null = null;
  let error: string | null = null;
  try {
    outcome = await postSigned(endpoint.url, request.body, request.headers, {
      allowPrivate: privateNetworkAllowed(),
    });
    if (outcome.statusCode < 200 || outcome.statusCode > 299)
      error = `The receiver answered ${outcome.statusCode}.`;
  } catch (caught) {
    error = caught instanceof Error ? caught.message.slice(0, 300) : String(caught);
    if (caught instanceof DeliveryError)
      outcome = { statusCode: 0, latencyMs: caught.latencyMs, excerpt: "" };
  }
  await db.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({
      data: {
        endpointId: endpoint.id,
        startedAt,
        statusCode: outcome && outcome.statusCode > 0 ? outcome.statusCode : null,
        latencyMs: outcome?.latencyMs ?? 0,
        responseExcerpt: outcome?.excerpt || null,
        error,
      },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "integration.test_sent",
      target: { type: "integration-endpoint", id: endpoint.id },
      ip: ctx.ip,
      data: { name: endpoint.name, ok: error === null, statusCode: outcome?.statusCode ?? null },
    });
  });
  return error
    ? fail(`The test did not get through: ${error}`)
    : succeed(
        `Test delivered: "${endpoint.name}" answered ${outcome?.statusCode} in ${outcome?.latencyMs} ms.`,
      );
}
