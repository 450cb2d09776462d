// Read-only lookups of cases for other areas (scam reports link to cases and scan their text for
// watchlisted numbers), so they need not read the cases tables themselves.
import "server-only";
import { getDb } from "@/lib/db/client";

export type CaseSummary = {
  id: string;
  number: number;
  customerId: string;
  type: string;
  status: string;
  subject: string;
};

const SUMMARY = {
  id: true,
  number: true,
  customerId: true,
  type: true,
  status: true,
  subject: true,
} as const;

export async function findCaseByNumber(number: number): Promise<CaseSummary | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  return getDb().case.findUnique({ where: { number }, select: SUMMARY });
}

export async function findCaseById(id: string): Promise<CaseSummary | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return getDb().case.findUnique({ where: { id }, select: SUMMARY });
}

export type CaseText = { caseId: string; number: number; texts: string[] };

/** Subjects, outcomes and notes of the customer's most recent cases (bounded), for text scans. */
export async function listCaseTextsForCustomer(
  customerId: string,
  limits = { cases: 20, notesPerCase: 50 },
): Promise<CaseText[]> {
  const cases = await getDb().case.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    take: limits.cases,
    select: {
      id: true,
      number: true,
      subject: true,
      outcome: true,
      notes: { orderBy: { createdAt: "desc" }, take: limits.notesPerCase, select: { body: true } },
    },
  });
  return cases.map((item) => ({
    caseId: item.id,
    number: item.number,
    texts: [item.subject, item.outcome ?? "", ...item.notes.map((note) => note.body)].filter(Boolean),
  }));
}

/** Case numbers for case ids ("C-1042" reads better than a UUID in the audit log). */
export async function findCaseNumbers(ids: readonly string[]): Promise<Map<string, number>> {
  const valid = [
    ...new Set(
      ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)),
    ),
  ];
  if (valid.length === 0) return new Map();
  const rows = await getDb().case.findMany({
    where: { id: { in: valid } },
    select: { id: true, number: true },
  });
  return new Map(rows.map((row) => [row.id, row.number]));
}
