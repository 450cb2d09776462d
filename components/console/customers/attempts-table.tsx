import Link from "next/link";
import type { LoginAttemptRow } from "@/lib/customers/activity";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { CopyButton } from "@/components/console/copy-button";
import { Time } from "@/components/console/time";
import { FACTOR_LABELS, OUTCOME_LABELS } from "@/lib/customers/labels";

function columns(customerId: string, timeZone: string): Column<LoginAttemptRow>[] {
  return [
    {
      header: `Time (${timeZone})`,
      cell: (row) => (
        <Link
          href={`/console/customers/${customerId}/attempts/${row.id}`}
          className="text-blue-700 underline dark:text-blue-300"
          prefetch={false}
        >
          <Time date={row.occurredAt} timeZone={timeZone} />
        </Link>
      ),
      className: "whitespace-nowrap",
    },
    {
      header: "Outcome",
      cell: (row) => {
        const outcome = OUTCOME_LABELS[row.outcome] ?? { label: row.outcome, tone: "neutral" as const };
        return <Badge tone={outcome.tone}>{outcome.label}</Badge>;
      },
    },
    { header: "Method", cell: (row) => (row.factor ? (FACTOR_LABELS[row.factor] ?? row.factor) : "—") },
    {
      header: "IP address",
      cell: (row) => (
        <>
          {row.ip} <CopyButton value={row.ip} label="Copy" />
        </>
      ),
      className: "font-mono whitespace-nowrap",
    },
    { header: "Place", cell: (row) => [row.city, row.country].filter(Boolean).join(", ") || "—" },
    {
      header: "Device",
      cell: (row) => row.deviceId ?? "—",
      className: "max-w-48 truncate font-mono text-xs",
      attributes: (row) => ({ title: row.userAgent ?? undefined }),
    },
  ];
}

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
  return (
    <DataTable
      rows={rows}
      columns={columns(customerId, timeZone)}
      rowKey={(row) => row.id}
      caption="Login attempts, newest first"
      testId="attempts-table"
      empty="No sign-in attempts match."
      rowClassName={(row) => (highlight.has(row.id) ? "bg-amber-50 dark:bg-amber-950" : undefined)}
    />
  );
}
