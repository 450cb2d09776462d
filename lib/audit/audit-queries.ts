// Reading the audit log: filters by actor, action, target, customer and time, newest first, cursor
// pages; and the catalogue of actions the log holds, for the filter's list.
import "server-only";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { getDb } from "@/lib/db/client";
import { isBigintId, isCalendarDate } from "@/lib/http/search-params";
import { findCustomerIdByRef } from "@/lib/customers/customer-names";
import type { Prisma } from "@/lib/generated/prisma/client";

export const auditFiltersSchema = z.object({
  actor: storableString()
    .trim()
    .max(254)
    .optional()
    .transform((value) => value || undefined),
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9_.]*$/, "Actions look like staff.sign_in.failed.")
    .optional()
    .transform((value) => value || undefined),
  target: storableString()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined),
  customer: z
    .string()
    .trim()
    .max(100)
    .regex(
      /^(cus_[A-Za-z0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$/,
      "Give the customer's id: cus_… or the desk's id from their page.",
    )
    .optional()
    .transform((value) => value || undefined),
  from: z
    .string()
    .refine(isCalendarDate, "Use a date like 2026-11-27.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  to: z
    .string()
    .refine(isCalendarDate, "Use a date like 2026-11-27.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  before: z
    .string()
    .refine(isBigintId, "Invalid page link.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export type AuditRow = {
  seq: bigint;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  ip: string | null;
  data: Prisma.JsonValue;
};

/** Never matches: a filter naming a customer the desk does not have finds nothing, not everything. */
const NO_CUSTOMER = "00000000-0000-0000-0000-000000000000";

/**
 * Everything recorded about one customer: events aimed at them, events whose details name them
 * (a case opened for them, a reset), and the searches that found them (their id among the results).
 */
function aboutCustomer(customerId: string): Prisma.AuditEventWhereInput {
  return {
    OR: [
      { targetType: "customer", targetId: customerId },
      { data: { path: ["customerId"], equals: customerId } },
      { data: { path: ["customerIds"], array_contains: [customerId] } },
    ],
  };
}

/** The customer filter as a desk id (the identity system's cus_… id is looked up). */
async function resolveCustomer(filters: AuditFilters): Promise<string | undefined> {
  if (!filters.customer) return undefined;
  return (await findCustomerIdByRef(filters.customer)) ?? NO_CUSTOMER;
}

function whereOf(filters: AuditFilters, customerId?: string): Prisma.AuditEventWhereInput {
  return {
    ...(customerId ? { AND: [aboutCustomer(customerId)] } : {}),
    ...(filters.actor ? { OR: [{ actorLabel: filters.actor }, { actorId: filters.actor }] } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.target ? { targetId: filters.target } : {}),
    ...(filters.from || filters.to
      ? {
          occurredAt: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
            ...(filters.to
              ? { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) }
              : {}),
          },
        }
      : {}),
    ...(filters.before ? { seq: { lt: BigInt(filters.before) } } : {}),
  };
}

const SELECT = {
  seq: true,
  occurredAt: true,
  actorType: true,
  actorId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  reason: true,
  ip: true,
  data: true,
} as const;

export async function listAuditEvents(
  filters: AuditFilters,
  take = 100,
): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  const rows = await getDb().auditEvent.findMany({
    where: whereOf(filters, await resolveCustomer(filters)),
    orderBy: { seq: "desc" },
    take: take + 1,
    select: SELECT,
  });
  const page = rows.slice(0, take);
  return {
    rows: page,
    nextBefore: rows.length > take ? (page[page.length - 1]?.seq.toString() ?? null) : null,
  };
}

/** For export: every matching row, in pages, so a large export never loads the table at once. */
export async function* iterateAuditEvents(
  filters: AuditFilters,
  pageSize = 2_000,
): AsyncGenerator<AuditRow[]> {
  let before = filters.before;
  const customerId = await resolveCustomer(filters);
  for (;;) {
    const page = await getDb().auditEvent.findMany({
      where: whereOf({ ...filters, before }, customerId),
      orderBy: { seq: "desc" },
      take: pageSize,
      select: SELECT,
    });
    if (page.length === 0) return;
    yield page;
    before = page[page.length - 1]?.seq.toString();
  }
}

/**
 * Every action the log holds, alphabetically: the filter's catalogue. A loose index scan over the
 * (action, occurred_at) index, one probe per distinct action, so it stays quick on a long log.
 */
export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions AS (
      (SELECT action FROM audit_events ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT action FROM audit_events WHERE action > actions.action ORDER BY action LIMIT 1)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((row) => row.action);
}
