// The changes the desk makes to a customer's account record: remove second factors, end sessions,
// require a new password, flag the account. This module is their only writer; the area that
// decides a change (a reset, the customer's "this wasn't me") calls these inside its own
// transaction and writes the audit event that explains why.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sealContact } from "./contact-values";

type Tx = Prisma.TransactionClient;

export type RemovedFactor = { id: string; type: string; label: string; externalId: string | null };

/** Removes the named factors that still belong to the customer; ids of other customers are ignored. */
export async function removeFactorsInTx(
  tx: Tx,
  customerId: string,
  factorIds: readonly string[],
  at: Date,
): Promise<RemovedFactor[]> {
  const factors = await tx.secondFactor.findMany({
    where: { id: { in: [...factorIds] }, customerId, removedAt: null },
    select: { id: true, type: true, label: true, externalId: true },
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

/**
 * The customer said "No, I did not contact you": no 2FA reset until a supervisor clears it. The
 * earliest block is kept (a second "No" does not move it).
 */
export async function blockResetsInTx(tx: Tx, customerId: string, reason: string, at: Date): Promise<void> {
  await tx.customer.updateMany({
    where: { id: customerId, resetsBlockedAt: null },
    data: { resetsBlockedAt: at, resetsBlockedReason: reason },
  });
}

/** A supervisor lifts the block; false when there was none (cleared by someone else meanwhile). */
export async function clearResetBlockInTx(
  tx: Tx,
  customerId: string,
  staffId: string,
  at: Date,
): Promise<boolean> {
  const cleared = await tx.customer.updateMany({
    where: { id: customerId, resetsBlockedAt: { not: null } },
    data: {
      resetsBlockedAt: null,
      resetsBlockedReason: null,
      resetBlockClearedAt: at,
      resetBlockClearedById: staffId,
    },
  });
  return cleared.count === 1;
}

/** Ends one live session of the customer; false when it is not theirs or has already ended. */
export async function endSessionInTx(
  tx: Tx,
  customerId: string,
  sessionId: string,
  reason: string,
  at: Date,
): Promise<boolean> {
  const ended = await tx.customerSession.updateMany({
    where: { id: sessionId, customerId, revokedAt: null },
    data: { revokedAt: at, revokedReason: reason },
  });
  return ended.count === 1;
}

/** Locked: the identity system refuses every sign-in until support unlocks it. */
export async function setAccountLockedInTx(tx: Tx, customerId: string, locked: boolean): Promise<void> {
  await tx.customer.update({ where: { id: customerId }, data: { status: locked ? "LOCKED" : "ACTIVE" } });
}

/**
 * Puts back an email or phone number that was replaced, recorded as a change made by the desk (so
 * the value it removes is never treated as the customer's again: lib/customers/contact-trust.ts).
 */
export async function restoreContactInTx(
  tx: Tx,
  customerId: string,
  change: { field: "email" | "phone"; value: string; replaced: string | null; at: Date; ip?: string },
): Promise<void> {
  await tx.customer.update({
    where: { id: customerId },
    data:
      change.field === "email"
        ? { email: change.value, emailNormalized: change.value.trim().toLowerCase() }
        : { phoneE164: change.value },
  });
  await tx.accountChange.create({
    data: {
      customerId,
      kind: change.field === "email" ? "EMAIL_CHANGED" : "PHONE_CHANGED",
      occurredAt: change.at,
      ip: change.ip ?? null,
      previousValue: sealContact(change.replaced),
      newValue: sealContact(change.value),
      byDesk: true,
    },
  });
}
