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

/** How much of a customer's cases a text scan reads: the most recent cases, and their latest notes. */
export const CASE_TEXT_LIMITS = { cases: 20, notesPerCase: 50 };

/** One case's texts to scan, from its subject, outcome and notes. */
export function caseText(item: {
  id: string;
  number: number;
  subject: string;
  outcome: string | null;
  notes: string[];
}): CaseText {
  return {
    caseId: item.id,
    number: item.number,
    texts: [item.subject, item.outcome ?? "", ...item.notes].filter(Boolean),
  };
}

/** Subjects, outcomes and notes of the customer's most recent cases (bounded), for text scans. */
export async function listCaseTextsForCustomer(
  customerId: string,
  limits = CASE_TEXT_LIMITS,
): Promise<CaseText[]> {
  // One statement with the notes folded in: Prisma sends a second one for the notes, even when the
  // customer has no case (the customer page reads the same in its own statement).
  const cases = await getDb().$queryRaw<
    { id: string; number: number; subject: string; outcome: string | null; notes: string[] }[]
  >`
    SELECT c.id::text, c.number, c.subject, c.outcome,
           COALESCE((SELECT array_agg(n.body ORDER BY n.created_at DESC)
                     FROM (SELECT body, created_at FROM case_notes WHERE case_id = c.id
                           ORDER BY created_at DESC LIMIT ${limits.notesPerCase}) n), '{}') AS notes
    FROM cases c
    WHERE c.customer_id = ${customerId}::uuid
    ORDER BY c.created_at DESC
    LIMIT ${limits.cases}`;
  return cases.map(caseText);
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
