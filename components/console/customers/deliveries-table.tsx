import type { OtpDeliveryRow } from "@/lib/customers/activity";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Time } from "@/components/console/time";
import { DELIVERY_STATUS, PURPOSE_LABELS } from "@/lib/customers/labels";

function columns(timeZone: string): Column<OtpDeliveryRow>[] {
  return [
    {
      header: `Sent (${timeZone})`,
      cell: (row) => <Time date={row.sentAt} timeZone={timeZone} />,
      className: "whitespace-nowrap",
    },
    { header: "Purpose", cell: (row) => PURPOSE_LABELS[row.purpose] ?? row.purpose },
    {
      header: "To",
      cell: (row) => (
        <>
          {row.channel.toLowerCase()} · <span className="font-mono">{row.destinationMasked}</span>
        </>
      ),
      className: "whitespace-nowrap",
    },
    {
      header: "Delivery",
      cell: (row) => {
        const status = DELIVERY_STATUS[row.status] ?? { label: row.status, tone: "neutral" as const };
        return (
          <>
            <Badge tone={status.tone}>{status.label}</Badge>
            {row.statusReason ? (
              <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">{row.statusReason}</span>
            ) : null}
          </>
        );
      },
    },
    {
      header: "Used",
      cell: (row) =>
        row.usedAt ? (
          <Time date={row.usedAt} timeZone={timeZone} />
        ) : (
          <span className="text-slate-600 dark:text-slate-400">Not used</span>
        ),
      className: "whitespace-nowrap",
    },
    {
      header: "Requested from",
      cell: (row) => (
        <>
          {row.requestIp ?? "—"}
          {row.requestCountry ? ` (${row.requestCountry})` : ""}
          {row.requestDeviceId ? (
            <div className="text-slate-600 dark:text-slate-400">{row.requestDeviceId}</div>
          ) : null}
        </>
      ),
      className: "font-mono text-xs",
    },
  ];
}

/** Codes sent to the customer. The code itself never reaches the desk, so it cannot be shown. */
export function DeliveriesTable({
  rows,
  timeZone,
  highlight = new Set<string>(),
}: {
  rows: OtpDeliveryRow[];
  timeZone: string;
  highlight?: ReadonlySet<string>;
}) {
  return (
    <DataTable
      rows={rows}
      columns={columns(timeZone)}
      rowKey={(row) => row.id}
      caption="One-time codes sent, newest first"
      testId="deliveries-table"
      empty="No codes match."
      rowClassName={(row) => (highlight.has(row.id) ? "bg-amber-50 dark:bg-amber-950" : undefined)}
    />
  );
}
