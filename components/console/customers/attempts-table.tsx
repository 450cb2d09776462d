import Link from "next/link";
import type { LoginAttemptRow } from "@/lib/customers/activity";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/console/copy-button";
import { Time } from "@/components/console/time";
import { FACTOR_LABELS, OUTCOME_LABELS } from "@/lib/customers/labels";

export function AttemptsTable({
  customerId,
  rows,
  timeZone,
  highlight = new Set<string>(),
}: {
  customerId: string;
  rows: LoginAttemptRow[];
  timeZone: string;
  highlight?: ReadonlySet<string>;
}) {
  if (rows.length === 0) return <p className="text-slate-600 dark:text-slate-400">No sign-in attempts match.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" data-testid="attempts-table">
        <caption className="sr-only">Login attempts, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3">Time ({timeZone})</th>
            <th scope="col" className="py-2 pr-3">Outcome</th>
            <th scope="col" className="py-2 pr-3">Method</th>
            <th scope="col" className="py-2 pr-3">IP address</th>
            <th scope="col" className="py-2 pr-3">Place</th>
            <th scope="col" className="py-2 pr-3">Device</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const outcome = OUTCOME_LABELS[row.outcome] ?? { label: row.outcome, tone: "neutral" as const };
            return (
              <tr key={row.id} className={highlight.has(row.id) ? "border-b border-slate-200 bg-amber-50 dark:border-slate-800 dark:bg-amber-950" : "border-b border-slate-200 dark:border-slate-800"}>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <Link href={`/console/customers/${customerId}/attempts/${row.id}`} className="text-blue-700 underline dark:text-blue-300" prefetch={false}>
                    <Time date={row.occurredAt} timeZone={timeZone} />
                  </Link>
                </td>
                <td className="py-2 pr-3"><Badge tone={outcome.tone}>{outcome.label}</Badge></td>
                <td className="py-2 pr-3">{row.factor ? (FACTOR_LABELS[row.factor] ?? row.factor) : "—"}</td>
                <td className="py-2 pr-3 font-mono whitespace-nowrap">
                  {row.ip} <CopyButton value={row.ip} label="Copy" />
                </td>
                <td className="py-2 pr-3">{[row.city, row.country].filter(Boolean).join(", ") || "—"}</td>
                <td className="max-w-48 truncate py-2 pr-3 font-mono text-xs" title={row.userAgent ?? undefined}>{row.deviceId ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
