// Keeps the stored priority of reports and cases current after the changes that move it: a report
// recorded (its loss; its caller may now be on the watchlist), a customer linked (their verdict), a
// case opened. It runs after the change has committed: priority is derived data, and a refresh that
// fails leaves the change itself in place (the next refresh puts the priority right).
import "server-only";
import { loadCaseCustomers, setCasePriorities } from "@/lib/cases/priority";
import { assessCustomer } from "@/lib/customers/verdict-data";
import {
  findReportIdsByNumbers,
  findReportIdsByReferences,
  loadReportPriorityInputs,
  maxReportPriorityByCase,
  setReportPriorities,
} from "@/lib/scam-reports/priority";
import { findWatchlisted } from "@/lib/scam-reports/watchlist";
import { log } from "@/lib/log";
import { computePriority, type PriorityInput, type PriorityLevel } from "./priority";

type Verdicts = Map<string, PriorityInput["verdict"]>;

async function verdictsOf(customerIds: Iterable<string>): Promise<Verdicts> {
  const unique = [...new Set(customerIds)];
  const assessed = await Promise.all(unique.map((id) => assessCustomer(id)));
  return new Map(unique.map((id, index) => [id, assessed[index]?.verdict.kind ?? null]));
}

export type PriorityChange = { reportIds?: string[]; reportReferences?: string[]; caseIds?: string[] };

/**
 * Refreshes priorities after a change. It never fails the action that called it: the change is
 * already committed, so a failure is logged and the next refresh puts the priority right.
 */
export async function refreshPriorities(changed: PriorityChange): Promise<void> {
  try {
    await refreshNow(changed);
  } catch (error) {
    log.error("priority.refresh_failed", { error });
  }
}

async function refreshNow(changed: PriorityChange): Promise<void> {
  const byReference = await findReportIdsByReferences(changed.reportReferences ?? []);
  const first = await loadReportPriorityInputs([...(changed.reportIds ?? []), ...byReference]);
  // Every report from the same numbers: one more report can put the caller on the watchlist.
  const numbers = [
    ...new Set(first.flatMap((row) => (row.contactNumberE164 ? [row.contactNumberE164] : []))),
  ];
  const related = await findReportIdsByNumbers(numbers);
  const reports = await loadReportPriorityInputs([...new Set([...first.map((row) => row.id), ...related])]);
  const watchlisted = await findWatchlisted(numbers);
  const caseIds = new Set([
    ...(changed.caseIds ?? []),
    ...reports.flatMap((row) => (row.caseId ? [row.caseId] : [])),
  ]);
  const caseCustomers = await loadCaseCustomers([...caseIds]);
  const verdicts = await verdictsOf([
    ...reports.flatMap((row) => (row.customerId ? [row.customerId] : [])),
    ...caseCustomers.values(),
  ]);

  const reportLevels = new Map<string, PriorityLevel>();
  for (const row of reports)
    reportLevels.set(
      row.id,
      computePriority({
        moneyLostCents: row.moneyLostCents,
        watchlistedCaller: row.contactNumberE164 ? watchlisted.has(row.contactNumberE164) : false,
        verdict: row.customerId ? (verdicts.get(row.customerId) ?? null) : null,
      }),
    );
  await setReportPriorities(reportLevels);

  // A case is as urgent as its customer's verdict, or its most urgent linked report if that is more.
  const fromReports = await maxReportPriorityByCase([...caseCustomers.keys()]);
  const caseLevels = new Map<string, PriorityLevel>();
  for (const [caseId, customerId] of caseCustomers) {
    const own = computePriority({
      moneyLostCents: null,
      watchlistedCaller: false,
      verdict: verdicts.get(customerId) ?? null,
    });
    caseLevels.set(caseId, Math.max(own, fromReports.get(caseId) ?? 0) as PriorityLevel);
  }
  await setCasePriorities(caseLevels);
}
