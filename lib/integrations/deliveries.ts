// One delivery row per account action and endpoint, written in the transaction that decides the
// action (so a crash can never leave a decided action that no endpoint will hear of). The worker
// (dispatcher.ts) sends them; admins read the log and redeliver from the integrations page.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { Prisma, type AccountActionKind, type DeliveryStatus } from "@/lib/generated/prisma/client";
import { refreshActionStatus } from "@/lib/account-actions/outbound";
import { fail, succeed, type Result } from "@/lib/result";
import { SSF_KINDS } from "./security-event-tokens";

type Tx = Prisma.TransactionClient;

/**
 * Queues the action for every endpoint that takes its kind; answers how many will receive it. An
 * endpoint with no kinds listed takes every account change, but not caller-verification prompts:
 * a receiver that does not know them would acknowledge and drop them, and the customer would never
 * be asked, so an endpoint takes prompts only when it lists them.
 */
export async function scheduleDeliveriesInTx(
  tx: Tx,
  action: { id: string; kind: AccountActionKind; customerId: string; sequence: bigint },
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO action_deliveries (action_id, endpoint_id, customer_id, sequence)
    SELECT ${action.id}::uuid, id, ${action.customerId}::uuid, ${action.sequence}
    FROM integration_endpoints
    WHERE removed_at IS NULL
      AND ((cardinality(action_kinds) = 0 AND ${action.kind !== "CALLER_VERIFICATION_REQUESTED"})
           OR ${action.kind}::"AccountActionKind" = ANY (action_kinds))
      AND (format <> 'SSF_PUSH' OR ${SSF_KINDS.includes(action.kind)})`;
}

/** Sends a failing or dead delivery again now (an admin's "Retry now"). */
export async function redeliver(ctx: StaffContext, input: { deliveryId: string }): Promise<Result> {
  const result = await getDb().$transaction(async (tx) => {
    const updated = await tx.actionDelivery.updateManyAndReturn({
      where: {
        id: input.deliveryId,
        status: { in: ["FAILING", "DEAD"] },
        endpoint: { removedAt: null },
      },
      // A fresh series of attempts, starting now.
      data: { status: "PENDING", nextAttemptAt: new Date(), attempts: 0 },
      select: { id: true, actionId: true, endpointId: true },
    });
    const row = updated[0];
    if (!row) return fail("Only a failing or given-up delivery to an active endpoint can be retried.");
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "integration.redelivery_requested",
      target: { type: "integration-endpoint", id: row.endpointId },
      ip: ctx.ip,
      data: { deliveryId: row.id, actionId: row.actionId },
    });
    return succeed("Sending it again now.", row.actionId);
  });
  if (result.ok) await refreshActionStatus(getDb(), [result.data]);
  return result.ok ? succeed(result.message) : result;
}

export type DeliveryLogRow = {
  id: string;
  startedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
  delivery: {
    id: string;
    status: DeliveryStatus;
    attempts: number;
    nextAttemptAt: Date;
    action: { id: string; kind: AccountActionKind; customer: { id: string; fullName: string } };
  } | null;
};

/** The endpoint's latest attempts, newest first. */
export async function listDeliveryLog(endpointId: string, take = 50): Promise<DeliveryLogRow[]> {
  return getDb().deliveryAttempt.findMany({
    where: { endpointId },
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true,
      startedAt: true,
      statusCode: true,
      latencyMs: true,
      responseExcerpt: true,
      error: true,
      delivery: {
        select: {
          id: true,
          status: true,
          attempts: true,
          nextAttemptAt: true,
          action: { select: { id: true, kind: true, customer: { select: { id: true, fullName: true } } } },
        },
      },
    },
  });
}

export type StuckDelivery = {
  id: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  action: { kind: AccountActionKind; createdAt: Date; customer: { id: string; fullName: string } };
};

/** Deliveries to this endpoint that are failing or were given up: what "Retry now" applies to. */
export async function listStuckDeliveries(endpointId: string, take = 50): Promise<StuckDelivery[]> {
  return getDb().actionDelivery.findMany({
    where: { endpointId, status: { in: ["FAILING", "DEAD"] } },
    orderBy: { sequence: "asc" },
    take,
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      action: { select: { kind: true, createdAt: true, customer: { select: { id: true, fullName: true } } } },
    },
  });
}

/**
 * Deliveries failing or given up on active endpoints: the admins' badge, as a subquery (see
 * lib/workspace/workload.ts).
 */
export function failingDeliveriesCount(): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM action_deliveries d
                     JOIN integration_endpoints e ON e.id = d.endpoint_id
                     WHERE d.status IN ('FAILING', 'DEAD') AND e.removed_at IS NULL)`;
}

/**
 * The identity system reported, as a directory event, the change an action asked for (a factor
 * removed, the last session ended, the account locked or unlocked): the deliveries of those actions
 * still waiting or failing count as confirmed, but only to the endpoints of that identity system
 * (those linked to the API key the events came with; another system's deliveries are its own
 * business). Only actions decided before the event (with ten minutes for clock skew) count.
 */
export async function confirmDeliveriesFromDirectory(
  tx: Tx,
  sourceKeyId: string | null,
  customerId: string,
  kinds: AccountActionKind[],
  occurredAt: Date,
): Promise<void> {
  if (!sourceKeyId) return;
  const confirmed = await tx.$queryRaw<{ action_id: string }[]>`
    UPDATE action_deliveries d SET status = 'DELIVERED', delivered_at = now(), last_error = NULL
    FROM account_actions a, integration_endpoints e
    WHERE d.action_id = a.id AND a.customer_id = ${customerId}::uuid
      AND e.id = d.endpoint_id AND e.api_key_id = ${sourceKeyId}::uuid
      AND a.kind::text = ANY (${kinds}::text[])
      AND a.created_at <= ${occurredAt}::timestamptz + interval '10 minutes'
      AND d.status IN ('PENDING', 'FAILING', 'DEAD')
    RETURNING d.action_id`;
  await refreshActionStatus(tx, [...new Set(confirmed.map((row) => row.action_id))]);
}
