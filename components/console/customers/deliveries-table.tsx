import type { OtpDeliveryRow } from "@/lib/customers/activity";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { DELIVERY_STATUS, PURPOSE_LABELS } from "@/lib/customers/labels";

/** Codes sent to the customer. The code itself never reaches the desk, so it cannot be shown. */
export function DeliveriesTable({ rows, timeZone, highlight = new Set<string>() }: { rows: OtpDeliveryRow[]; timeZone: string; highlight?: ReadonlySet<string> }) {
  if (rows.length === 0) return <p className="text-slate-600 dark:text-slate-400">No codes match.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" data-testid="deliveries-table">
        <caption className="sr-only">One-time codes sent, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3">Sent ({timeZone})</th>
            <th scope="col" className="py-2 pr-3">Purpose</th>
            <th scope="col" className="py-2 pr-3">To</th>
            <th scope="col" className="py-2 pr-3">Delivery</th>
            <th scope="col" className="py-2 pr-3">Used</th>
            <th scope="col" className="py-2 pr-3">Requested from</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const status = DELIVERY_STATUS[row.status] ?? { label: row.status, tone: "neutral" as const };
            return (
              <tr key={row.id} className={highlight.has(row.id) ? "border-b border-slate-200 bg-amber-50 dark:border-slate-800 dark:bg-amber-950" : "border-b border-slate-200 dark:border-slate-800"}>
                <td className="py-2 pr-3 whitespace-nowrap"><Time date={row.sentAt} timeZone={timeZone} /></td>
                <td className="py-2 pr-3">{PURPOSE_LABELS[row.purpose] ?? row.purpose}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {row.channel.toLowerCase()} · <span className="font-mono">{row.destinationMasked}</span>
                </td>
                <td className="py-2 pr-3">
                  <Badge tone={status.tone}>{status.label}</Badge>
                  {row.statusReason ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">{row.statusReason}</span> : null}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{row.usedAt ? <Time date={row.usedAt} timeZone={timeZone} /> : <span className="text-slate-600 dark:text-slate-400">Not used</span>}</td>
                <td className="py-2 pr-3 font-mono text-xs">
                  {row.requestIp ?? "—"}
                  {row.requestCountry ? ` (${row.requestCountry})` : ""}
                  {row.requestDeviceId ? <div className="text-slate-600 dark:text-slate-400">{row.requestDeviceId}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
