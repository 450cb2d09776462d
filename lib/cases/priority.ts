// The only writer of cases.priority; lib/workspace/priority-refresh.ts decides the values.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { PriorityLevel } from "@/lib/workspace/priority";

export async function loadCaseCustomers(caseIds: readonly string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await getDb().case.findMany({
    where: { id: { in: [...caseIds] } },
    select: { id: true, customerId: true },
  });
  return new Map(rows.map((row) => [row.id, row.customerId]));
}

export async function setCasePriorities(levels: ReadonlyMap<string, PriorityLevel>): Promise<void> {
  if (levels.size === 0) return;
  // Raw SQL so updated_at stays put: a priority that moves is derived data, not work done on it.
  const ids = [...levels.keys()];
  const values = ids.map((id) => levels.get(id) ?? 0);
  await getDb().$executeRaw`
    UPDATE cases SET priority = v.priority
    FROM unnest(${ids}::uuid[], ${values}::int[]) AS v(id, priority)
    WHERE cases.id = v.id AND cases.priority <> v.priority`;
}
