// The only writer of scam_reports.priority; lib/workspace/priority-refresh.ts decides the values.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { PriorityLevel } from "@/lib/workspace/priority";

export type ReportPriorityInputs = {
  id: string;
  customerId: string | null;
  caseId: string | null;
  contactNumberE164: string | null;
  moneyLostCents: number | null;
};

/** What a report's priority is computed from. */
export async function loadReportPriorityInputs(ids: readonly string[]): Promise<ReportPriorityInputs[]> {
  if (ids.length === 0) return [];
  return getDb().scamReport.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, customerId: true, caseId: true, contactNumberE164: true, moneyLostCents: true },
  });
}

export async function findReportIdsByReferences(references: readonly string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const rows = await getDb().scamReport.findMany({
    where: { reference: { in: [...references] } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Reports from the same caller numbers (a new report can put a number on the watchlist). */
export async function findReportIdsByNumbers(numbers: readonly string[], take = 500): Promise<string[]> {
  if (numbers.length === 0) return [];
  const rows = await getDb().scamReport.findMany({
    where: { contactNumberE164: { in: [...numbers] } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** The highest priority among the reports linked to each case. */
export async function maxReportPriorityByCase(caseIds: readonly string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await getDb().scamReport.groupBy({
    by: ["caseId"],
    where: { caseId: { in: [...caseIds] } },
    _max: { priority: true },
  });
  return new Map(rows.flatMap((row) => (row.caseId ? [[row.caseId, row._max.priority ?? 0]] : [])));
}

export async function setReportPriorities(levels: ReadonlyMap<string, PriorityLevel>): Promise<void> {
  if (levels.size === 0) return;
  // Raw SQL so updated_at stays put: a priority that moves is derived data, not work done on it.
  const ids = [...levels.keys()];
  const values = ids.map((id) => levels.get(id) ?? 0);
  await getDb().$executeRaw`
    UPDATE scam_reports SET priority = v.priority
    FROM unnest(${ids}::uuid[], ${values}::int[]) AS v(id, priority)
    WHERE scam_reports.id = v.id AND scam_reports.priority <> v.priority`;
}
