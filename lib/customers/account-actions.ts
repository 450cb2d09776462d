// The changes the desk makes to a customer's account record: remove second factors, end sessions,
// require a new password, flag the account. This module is their only writer; the area that
// decides a change (a reset, the customer's "this wasn't me") calls these inside its own
// transaction and writes the audit event that explains why.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type RemovedFactor = { id: string; type: string; label: string };

/** Removes the named factors that still belong to the customer; ids of other customers are ignored. */
export async function removeFactorsInTx(
  tx: Tx,
  customerId: string,
  factorIds: readonly string[],
  at: Date,
): Promise<RemovedFactor[]> {
  const factors = await tx.secondFactor.findMany({
    where: { id: { in: [...factorIds] }, customerId, removedAt: null },
    select: { id: true, type: true, label: true },
  });
  await tx.secondFactor.updateMany({
    where: { id: { in: factors.map((factor) => factor.id) } },
    data: { removedAt: at },
  });
  return factors;
}

/** Ends every live session of the customer; answers how many were live. */
export async function endSessionsInTx(tx: Tx, customerId: string, reason: string, at: Date): Promise<number> {
  const ended = await tx.customerSession.updateMany({
    where: { customerId, revokedAt: null },
    data: { revokedAt: at, revokedReason: reason },
  });
  return ended.count;
}

export async function requirePasswordChangeInTx(tx: Tx, customerId: string): Promise<void> {
  await tx.customer.update({ where: { id: customerId }, data: { passwordResetRequired: true } });
}

/** Marks the account as possibly compromised: the risk gate and the customer page read the flag. */
export async function flagCustomerInTx(tx: Tx, customerId: string, reason: string, at: Date): Promise<void> {
  await tx.customer.update({ where: { id: customerId }, data: { flaggedAt: at, flagReason: reason } });
}
