// Putting back an email or phone number that was replaced within the risk window: the usual first
// move of an account takeover is to change them. The request names only the field; the value put
// back is the one the desk's own history says was replaced, so a caller cannot talk an agent into
// "restoring" a number that was never the customer's. A risky account waits for a supervisor who
// is not the requester. Both the restored and the removed contact are told.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { restoreContactInTx } from "@/lib/customers/account-actions";
import { maskDestination } from "@/lib/customers/masking";
import { noticeRecipients, sameContact } from "@/lib/customers/contact-trust";
import { loadContactTrust } from "@/lib/customers/contact-trust-data";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueAccountNotice } from "@/lib/notifications/outbox";
import { resetRiskReasons } from "@/lib/resets/risk-gate";
import { fail, succeed, type Result } from "@/lib/result";
import { lockCustomerForAction } from "./account-actions";
import { queueAccountActionInTx } from "./outbound";
import type { RestoreContactInput, RestoreDecisionInput } from "./schemas";

type Tx = Prisma.TransactionClient;
type Field = "email" | "phone";

/** How long a request waits for a supervisor before it lapses (as a 2FA reset). */
const APPROVAL_WINDOW_MS = 4 * 60 * 60 * 1000;

const FIELD_WORDS: Record<Field, string> = { email: "email address", phone: "phone number" };
export const contactFieldOf = (value: "EMAIL" | "PHONE"): Field => (value === "EMAIL" ? "email" : "phone");

export type RestoreOutcome = {
  status: "EXECUTED" | "PENDING_APPROVAL" | "REJECTED";
  restoreId: string;
  customerId?: string;
};

export async function requestContactRestore(
  ctx: StaffContext,
  input: RestoreContactInput,
): Promise<Result<RestoreOutcome>> {
  const riskReasons = await resetRiskReasons(input.customerId);
  return getDb().$transaction(async (tx) => {
    const customer = await lockCustomerForAction(tx, input.customerId, input.customerVersion);
    if (typeof customer === "string") return fail(customer);
    const trust = await loadContactTrust(customer.id, { tx });
    const entry = trust?.[input.field];
    if (!entry?.previous)
      return fail(
        `No ${FIELD_WORDS[input.field]} was replaced in the last ${trust?.windowDays ?? 30} days, so there is nothing to put back.`,
        "field",
      );
    const pending = await tx.contactRestore.findFirst({
      where: { customerId: customer.id, status: "PENDING_APPROVAL", expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending) return fail("A contact restore for this customer is already waiting for approval.");
    if (input.field === "email") {
      const taken = await tx.customer.findFirst({
        where: { emailNormalized: entry.previous.trim().toLowerCase(), id: { not: customer.id } },
        select: { id: true },
      });
      if (taken)
        return fail("Another customer's account uses that email address now: it cannot be put back.");
    }
    const restore = await tx.contactRestore.create({
      data: {
        customerId: customer.id,
        field: input.field === "email" ? "EMAIL" : "PHONE",
        restoreValue: entry.previous,
        replacedValue: entry.current,
        requestedById: ctx.staff.id,
        status: "PENDING_APPROVAL",
        reason: input.reason,
        riskReasons,
        expiresAt: new Date(Date.now() + APPROVAL_WINDOW_MS),
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "contact_restore.requested",
      target: { type: "customer", id: customer.id },
      reason: input.reason,
      ip: ctx.ip,
      data: { restoreId: restore.id, field: input.field, riskReasons },
    });
    if (riskReasons.length > 0)
      return succeed<RestoreOutcome>(
        `This account shows risk, so a supervisor must approve putting back ${maskDestination(entry.previous)}. It is waiting in their approvals queue.`,
        { status: "PENDING_APPROVAL", restoreId: restore.id },
      );
    const done = await executeRestore(tx, ctx, restore.id);
    if (!done.ok) return done;
    return succeed<RestoreOutcome>(done.message, { status: "EXECUTED", restoreId: restore.id });
  });
}

export async function decideContactRestore(
  ctx: StaffContext,
  input: RestoreDecisionInput,
): Promise<Result<RestoreOutcome>> {
  const { restoreId, decision, note } = input;
  return getDb().$transaction(async (tx) => {
    const [restore] = await tx.$queryRaw<
      { id: string; status: string; requested_by_id: string; expires_at: Date; customer_id: string }[]
    >`SELECT id, status::text, requested_by_id, expires_at, customer_id FROM contact_restores
      WHERE id = ${restoreId}::uuid FOR UPDATE`;
    if (!restore) return fail("That request does not exist.");
    if (!can(ctx.staff, "reset:approve", { kind: "contact-restore", requestedById: restore.requested_by_id }))
      return fail("You cannot approve your own request. Another supervisor must decide.");
    if (restore.status !== "PENDING_APPROVAL") return fail("This request has already been decided.");
    if (restore.expires_at <= new Date()) {
      await tx.contactRestore.update({ where: { id: restoreId }, data: { status: "EXPIRED" } });
      return fail("This request expired before anyone approved it. The agent must request it again.");
    }
    await tx.contactRestore.update({
      where: { id: restoreId },
      data: {
        decidedById: ctx.staff.id,
        decidedAt: new Date(),
        decisionNote: note,
        ...(decision === "reject" ? { status: "REJECTED" } : {}),
      },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: decision === "approve" ? "contact_restore.approved" : "contact_restore.rejected",
      target: { type: "customer", id: restore.customer_id },
      reason: note,
      ip: ctx.ip,
      data: { restoreId },
    });
    if (decision === "reject")
      return succeed<RestoreOutcome>("Rejected. The contact details were not changed.", {
        status: "REJECTED",
        restoreId,
        customerId: restore.customer_id,
      });
    const done = await executeRestore(tx, ctx, restoreId);
    if (!done.ok) return done;
    return succeed<RestoreOutcome>(`Approved. ${done.message}`, {
      status: "EXECUTED",
      restoreId,
      customerId: restore.customer_id,
    });
  });
}

/** Applies an approved request; refused when the account changed since the request was made. */
async function executeRestore(tx: Tx, ctx: StaffContext, restoreId: string): Promise<Result> {
  const restore = await tx.contactRestore.findUniqueOrThrow({
    where: { id: restoreId },
    select: {
      id: true,
      field: true,
      restoreValue: true,
      replacedValue: true,
      reason: true,
      customerId: true,
    },
  });
  const field = contactFieldOf(restore.field);
  const [customer] = await tx.$queryRaw<
    { id: string; full_name: string; status: string; email: string; phone_e164: string | null }[]
  >`SELECT id, full_name, status::text, email, phone_e164 FROM customers WHERE id = ${restore.customerId}::uuid FOR UPDATE`;
  if (!customer || customer.status === "CLOSED") {
    await tx.contactRestore.update({ where: { id: restoreId }, data: { status: "CANCELLED" } });
    return fail("This account is closed: nothing can be changed on it.");
  }
  const onFile = field === "email" ? customer.email : customer.phone_e164;
  if (!sameContact(field, onFile, restore.replacedValue)) {
    await tx.contactRestore.update({ where: { id: restoreId }, data: { status: "CANCELLED" } });
    return fail(
      `The ${FIELD_WORDS[field]} changed again after this request was made; nothing was changed. Look at the account again and request it anew.`,
    );
  }
  const now = new Date();
  await restoreContactInTx(tx, customer.id, {
    field,
    value: restore.restoreValue,
    replaced: restore.replacedValue,
    at: now,
    ip: ctx.ip,
  });
  await tx.contactRestore.update({ where: { id: restoreId }, data: { status: "EXECUTED", executedAt: now } });
  await appendAuditEvent(tx, {
    actor: ctx.actor,
    action: "account.contact_restored",
    target: { type: "customer", id: customer.id },
    reason: restore.reason,
    ip: ctx.ip,
    data: { restoreId, field },
  });
  await queueAccountActionInTx(tx, ctx, {
    customerId: customer.id,
    kind: "CONTACT_RESTORED",
    reason: restore.reason,
    detail: { field, restoreId },
    auditAction: "account.contact_restored",
  });
  // Both sides hear of it: the contact put back, and the one it replaced (if that was really the
  // customer's own new number, they must be able to object).
  const trust = await loadContactTrust(customer.id, { tx, now });
  const recipients = trust
    ? noticeRecipients(trust, { [field]: restore.replacedValue })
    : { emails: [customer.email], phones: [] };
  const told = await queueAccountNotice(tx, { id: customer.id, fullName: customer.full_name }, recipients, {
    when: now,
    changes: [
      `Support put back your previous ${FIELD_WORDS[field]} (${maskDestination(restore.restoreValue)}) in place of ${restore.replacedValue ? maskDestination(restore.replacedValue) : "the one on file"}.`,
    ],
  });
  return succeed(
    `The previous ${FIELD_WORDS[field]} ${maskDestination(restore.restoreValue)} is back on the account; both it and the one it replaced were told (${told} messages).`,
  );
}

export type PendingRestore = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  field: Field;
  restoreMasked: string;
  replacedMasked: string | null;
  reason: string;
  riskReasons: string[];
  requestedBy: { id: string; name: string };
  customer: { id: string; fullName: string; externalId: string };
};

/**
 * Restores waiting for a decision this supervisor may take (never their own request): a count as a
 * subquery (see lib/workspace/workload.ts).
 */
export function pendingRestoresCount(decidedBy: string, now = new Date()): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM contact_restores
                     WHERE status = 'PENDING_APPROVAL' AND expires_at > ${now}
                       AND requested_by_id <> ${decidedBy}::uuid)`;
}

export async function listPendingRestores(customerId?: string): Promise<PendingRestore[]> {
  const db = getDb();
  // Scalars first, names after: Prisma loads each relation with a query of its own even when no
  // row matched, and for one customer nothing is usually pending (the customer page reads the same
  // rows in its own statement, lib/customers/customer-page-lists.ts).
  const rows = await db.contactRestore.findMany({
    where: {
      status: "PENDING_APPROVAL",
      expiresAt: { gt: new Date() },
      ...(customerId ? { customerId } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      field: true,
      restoreValue: true,
      replacedValue: true,
      reason: true,
      riskReasons: true,
      requestedById: true,
      customerId: true,
    },
  });
  if (rows.length === 0) return [];
  const [staff, customers] = await Promise.all([
    db.staffUser.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.requestedById))] } },
      select: { id: true, name: true },
    }),
    db.customer.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.customerId))] } },
      select: { id: true, fullName: true, externalId: true },
    }),
  ]);
  const staffById = new Map(staff.map((member) => [member.id, member]));
  const customerById = new Map(customers.map((customer) => [customer.id, customer]));
  return rows.flatMap(
    ({ restoreValue, replacedValue, field, requestedById, customerId: rowCustomerId, ...row }) => {
      const requestedBy = staffById.get(requestedById);
      const customer = customerById.get(rowCustomerId);
      // Foreign keys guarantee both; the guard only satisfies the types.
      if (!requestedBy || !customer) return [];
      return [
        {
          ...row,
          requestedBy,
          customer,
          field: contactFieldOf(field),
          restoreMasked: maskDestination(restoreValue),
          replacedMasked: replacedValue ? maskDestination(replacedValue) : null,
        },
      ];
    },
  );
}
