// The outbound queue of account actions: every change the desk decides on a customer's account
// (factors reset, sessions ended, new password required, locked, unlocked, contact restored) is
// written here in the same transaction as the decision and its audit event, with a stable id, so
// the identity system can be told exactly once per action. This module is the queue's only writer.
// Until an identity-system endpoint is configured nothing delivers the rows, and the console says
// so plainly instead of implying the change happened anywhere but in the desk.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CaseAuthor } from "@/lib/cases/cases";
import { completeChecklistStepsInTx } from "@/lib/cases/cases";
import type { AccountActionKind, Prisma } from "@/lib/generated/prisma/client";
import { ACTION_LABELS } from "./labels";

type Tx = Prisma.TransactionClient;

/** The playbook steps each kind of action fulfils (lib/cases/playbooks.ts). */
const FULFILS: Record<AccountActionKind, readonly string[]> = {
  FACTORS_RESET: ["reset-2fa"],
  SESSIONS_ENDED: ["revoke-sessions"],
  SESSION_ENDED: [],
  PASSWORD_CHANGE_REQUIRED: ["force-password-reset"],
  ACCOUNT_LOCKED: [],
  ACCOUNT_UNLOCKED: [],
  CONTACT_RESTORED: [],
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
    select: { id: true },
  });
  await completeChecklistStepsInTx(tx, by, action.customerId, FULFILS[action.kind], {
    auditAction: action.auditAction,
    description: ACTION_LABELS[action.kind].toLowerCase(),
  });
  return row.id;
}

export type AccountActionRow = {
  id: string;
  kind: AccountActionKind;
  status: string;
  reason: string;
  createdAt: Date;
  decidedBy: string | null;
};

/** The customer's latest actions, or those since a moment (a case's opening). */
export async function listAccountActions(
  customerId: string,
  { since, take = 10 }: { since?: Date; take?: number } = {},
): Promise<AccountActionRow[]> {
  const rows = await getDb().accountAction.findMany({
    where: { customerId, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      reason: true,
      createdAt: true,
      decidedBy: { select: { name: true } },
    },
  });
  return rows.map(({ decidedBy, ...row }) => ({ ...row, decidedBy: decidedBy?.name ?? null }));
}
