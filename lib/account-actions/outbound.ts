// The outbound queue of account actions: every change the desk decides on a customer's account
// (factors reset, sessions ended, new password required, locked, unlocked, contact restored) is
// written here in the same transaction as the decision and its audit event, with a stable id, so
// the identity system can be told exactly once per action. This module is the queue's only writer.
// Each action gets a delivery per configured identity-system endpoint in the same transaction
// (lib/integrations); its status sums those up: decided → sent → confirmed, or failing. With no
// endpoint configured it stays "decided", and the console says plainly that only the desk changed.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CaseAuthor } from "@/lib/cases/cases";
import { completeChecklistStepsInTx } from "@/lib/cases/cases";
import type { AccountActionKind, Prisma } from "@/lib/generated/prisma/client";
import { scheduleDeliveriesInTx } from "@/lib/integrations/deliveries";
import { ACTION_LABELS } from "./labels";

type Tx = Prisma.TransactionClient;
type Db = Pick<Prisma.TransactionClient, "$executeRaw">;

/** The playbook steps each kind of action fulfils (lib/cases/playbooks.ts). */
const FULFILS: Record<AccountActionKind, readonly string[]> = {
  FACTORS_RESET: ["reset-2fa"],
  SESSIONS_ENDED: ["revoke-sessions"],
  SESSION_ENDED: [],
  PASSWORD_CHANGE_REQUIRED: ["force-password-reset"],
  ACCOUNT_LOCKED: [],
  ACCOUNT_UNLOCKED: [],
  CONTACT_RESTORED: [],
  CALLER_VERIFICATION_REQUESTED: [],
};

export type QueuedAction = {
  customerId: string;
  kind: AccountActionKind;
  reason: string;
  detail?: Record<string, unknown>;
  caseId?: string | null;
  /** The audit event that records the decision: the case checklist links to it. */
  auditAction: string;
};

/** Writes the action to the queue and ticks the playbook steps it fulfils on the customer's open cases. */
export async function queueAccountActionInTx(tx: Tx, by: CaseAuthor, action: QueuedAction): Promise<string> {
  const row = await tx.accountAction.create({
    data: {
      customerId: action.customerId,
      kind: action.kind,
      reason: action.reason,
      detail: (action.detail ?? {}) as Prisma.InputJsonValue,
      decidedById: by.staff?.id ?? null,
      caseId: action.caseId ?? null,
    },
    select: { id: true, sequence: true },
  });
  await scheduleDeliveriesInTx(tx, {
    id: row.id,
    kind: action.kind,
    customerId: action.customerId,
    sequence: row.sequence,
  });
  await completeChecklistStepsInTx(tx, by, action.customerId, FULFILS[action.kind], {
    auditAction: action.auditAction,
    description: ACTION_LABELS[action.kind].toLowerCase(),
  });
  return row.id;
}

/**
 * Sums up the actions' deliveries into their status, after each attempt: any failing or given-up
 * delivery makes the action FAILING, all delivered makes it CONFIRMED, any attempt made (or a poll
 * that handed it out) SENT. Actions with no deliveries keep DECIDED.
 */
export async function refreshActionStatus(db: Db, actionIds: readonly string[]): Promise<void> {
  if (actionIds.length === 0) return;
  await db.$executeRaw`
    UPDATE account_actions a
    SET status = s.status::"AccountActionStatus",
        confirmed_at = CASE WHEN s.status = 'CONFIRMED' THEN coalesce(a.confirmed_at, now()) END
    FROM (
      SELECT action_id,
        CASE WHEN bool_or(status IN ('FAILING', 'DEAD')) THEN 'FAILING'
             WHEN bool_and(status = 'DELIVERED') THEN 'CONFIRMED'
             WHEN bool_or(attempts > 0 OR sent_at IS NOT NULL OR status = 'DELIVERED') THEN 'SENT'
             ELSE 'DECIDED' END AS status
      FROM action_deliveries
      WHERE action_id = ANY (${actionIds as string[]}::uuid[])
      GROUP BY action_id
    ) s
    WHERE a.id = s.action_id AND a.status::text <> s.status`;
}

export type ActionDeliveryState = {
  endpoint: string;
  status: "PENDING" | "DELIVERED" | "FAILING" | "DEAD";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
};

export type AccountActionRow = {
  id: string;
  kind: AccountActionKind;
  status: "DECIDED" | "SENT" | "CONFIRMED" | "FAILING";
  reason: string;
  createdAt: Date;
  confirmedAt: Date | null;
  decidedBy: string | null;
  deliveries: ActionDeliveryState[];
};

/** The customer's latest actions, or those since a moment (a case's opening). */
export async function listAccountActions(
  customerId: string,
  { since, take = 10 }: { since?: Date; take?: number } = {},
): Promise<AccountActionRow[]> {
  const db = getDb();
  // Each level on its own and only when the level above found something: Prisma would send one
  // query per relation even for no rows, and most customers have no action (the customer page reads
  // the same rows in its own statement, lib/customers/customer-page-lists.ts).
  const rows = await db.accountAction.findMany({
    where: { customerId, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      reason: true,
      createdAt: true,
      confirmedAt: true,
      decidedById: true,
    },
  });
  if (rows.length === 0) return [];
  const deciders = [...new Set(rows.flatMap((row) => (row.decidedById ? [row.decidedById] : [])))];
  const [staff, deliveries] = await Promise.all([
    deciders.length === 0
      ? []
      : db.staffUser.findMany({ where: { id: { in: deciders } }, select: { id: true, name: true } }),
    db.actionDelivery.findMany({
      where: { actionId: { in: rows.map((row) => row.id) } },
      orderBy: { endpoint: { createdAt: "asc" } },
      select: {
        actionId: true,
        endpointId: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        deliveredAt: true,
      },
    }),
  ]);
  const endpointIds = [...new Set(deliveries.map((delivery) => delivery.endpointId))];
  const endpoints =
    endpointIds.length === 0
      ? []
      : await db.integrationEndpoint.findMany({
          where: { id: { in: endpointIds } },
          select: { id: true, name: true },
        });
  const staffNames = new Map(staff.map((member) => [member.id, member.name]));
  const endpointNames = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.name]));
  return rows.map(({ decidedById, ...row }) => ({
    ...row,
    decidedBy: decidedById ? (staffNames.get(decidedById) ?? null) : null,
    deliveries: deliveries
      .filter((delivery) => delivery.actionId === row.id)
      .map(({ actionId: _actionId, endpointId, ...delivery }) => ({
        ...delivery,
        endpoint: endpointNames.get(endpointId) ?? "",
      })),
  }));
}

/** Just the state of the customer's latest actions: what the customer page polls. */
export async function listAccountActionStatuses(
  customerId: string,
): Promise<{ id: string; status: string }[]> {
  return getDb().accountAction.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, status: true },
  });
}
