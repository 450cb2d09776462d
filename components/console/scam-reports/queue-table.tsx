import Link from "next/link";
import type { QueueRow } from "@/lib/scam-reports/queue";
import { CHANNEL_LABELS, formatMoney } from "@/lib/scam-reports/labels";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { AskList, ContactText, StatusBadge } from "./report-badges";

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function QueueTable({ rows, timeZone }: { rows: QueueRow[]; timeZone: string }) {
  if (rows.length === 0) return <p className="text-slate-600 dark:text-slate-400">No reports match.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" data-testid="scam-queue">
        <caption className="sr-only">Scam reports, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3">Reference</th>
            <th scope="col" className="py-2 pr-3">Contacted ({timeZone})</th>
            <th scope="col" className="py-2 pr-3">From</th>
            <th scope="col" className="py-2 pr-3">Claimed to be</th>
            <th scope="col" className="py-2 pr-3">Asked for</th>
            <th scope="col" className="py-2 pr-3">Lost</th>
            <th scope="col" className="py-2 pr-3">Status</th>
            <th scope="col" className="py-2 pr-3">Assignee</th>
            <th scope="col" className="py-2 pr-3">Hints</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top dark:border-slate-800" data-reference={row.reference}>
              <td className="py-2 pr-3 whitespace-nowrap">
                <Link href={`/console/scam-reports/${row.reference}`} prefetch={false} className="font-mono font-medium text-blue-700 underline dark:text-blue-300">
                  {row.reference}
                </Link>
                <div className="text-xs text-slate-600 dark:text-slate-400">
                  received <Time date={row.createdAt} timeZone={timeZone} relative />
                </div>
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">
                <Time date={row.contactedAt} timeZone={timeZone} />
                <div className="text-xs text-slate-600 dark:text-slate-400">{CHANNEL_LABELS[row.channel]}</div>
              </td>
              <td className="max-w-56 py-2 pr-3">
                <ContactText e164={row.contactNumberE164} raw={row.contactRaw} />
                {row.watchlistReports ? (
                  <div>
                    <Badge tone="red">Watchlist · {row.watchlistReports} reports</Badge>
                  </div>
                ) : null}
              </td>
              <td className="max-w-56 py-2 pr-3 break-words">{row.claimedOrganisation ?? <span className="text-slate-500">—</span>}</td>
              <td className="max-w-56 py-2 pr-3">
                <AskList asks={row.asks} />
                {row.sharedSomething ? <div className="text-xs font-semibold text-red-700 dark:text-red-400">Shared something</div> : null}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">{row.moneyLostCents ? formatMoney(row.moneyLostCents, row.currency) : "—"}</td>
              <td className="py-2 pr-3">
                <StatusBadge status={row.status} />
                {row.caseId ? <div className="text-xs text-slate-600 dark:text-slate-400">Case linked</div> : null}
              </td>
              <td className="py-2 pr-3">{row.assignee?.name ?? <span className="text-slate-500">Unassigned</span>}</td>
              <td className="py-2 pr-3 text-xs" data-testid="duplicate-hints">
                {row.hints.sameNumber.length ? <div>{plural(row.hints.sameNumber.length, "other report")} of this number within 7 days</div> : null}
                {row.hints.sameCustomer.length ? <div>{plural(row.hints.sameCustomer.length, "other report")} from this customer within 7 days</div> : null}
                {row.customer ? (
                  <div>
                    Customer:{" "}
                    <Link href={`/console/customers/${row.customer.id}`} prefetch={false} className="text-blue-700 underline dark:text-blue-300">
                      {row.customer.fullName}
                    </Link>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
