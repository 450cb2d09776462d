// Reading the audit log: filters by actor, action, target and time, newest first, cursor pages.
import "server-only";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { getDb } from "@/lib/db/client";
import { isBigintId, isCalendarDate } from "@/lib/http/search-params";
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
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  ip: string | null;
  data: Prisma.JsonValue;
};

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  return {
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
    where: whereOf(filters),
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
  for (;;) {
    const page = await getDb().auditEvent.findMany({
      where: whereOf({ ...filters, before }),
      orderBy: { seq: "desc" },
      take: pageSize,
      select: SELECT,
    });
    if (page.length === 0) return;
    yield page;
    before = page[page.length - 1]?.seq.toString();
  }
}
