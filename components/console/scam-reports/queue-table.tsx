import Link from "next/link";
import type { QueueRow } from "@/lib/scam-reports/queue";
import { CHANNEL_LABELS, QUEUE_SORT_LABELS, formatMoney, type QueueSort } from "@/lib/scam-reports/labels";
import { PriorityBadge } from "@/components/console/priority-badge";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Time } from "@/components/console/time";
import { AskList, ContactText, StatusBadge } from "./report-badges";

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function columns(timeZone: string, selectForm: string | undefined): Column<QueueRow>[] {
  const select: Column<QueueRow>[] = selectForm
    ? [
        {
          header: <span className="sr-only">Select</span>,
          cell: (row) =>
            row.status === "CLOSED" ? null : (
              <input
                type="checkbox"
                name="reportIds"
                value={row.id}
                form={selectForm}
                aria-label={`Select ${row.reference}`}
                className="size-4"
              />
            ),
        },
      ]
    : [];
  return [
    ...select,
    {
      header: "Reference",
      cell: (row) => (
        <>
          <Link
            href={`/console/scam-reports/${row.reference}`}
            prefetch={false}
            className="font-mono font-medium text-blue-700 underline dark:text-blue-300"
          >
            {row.reference}
          </Link>
          <div className="text-xs text-slate-600 dark:text-slate-400">
            received <Time date={row.createdAt} timeZone={timeZone} relative />
          </div>
        </>
      ),
      className: "whitespace-nowrap",
    },
    {
      header: `Contacted (${timeZone})`,
      cell: (row) => (
        <>
          <Time date={row.contactedAt} timeZone={timeZone} />
          <div className="text-xs text-slate-600 dark:text-slate-400">{CHANNEL_LABELS[row.channel]}</div>
        </>
      ),
      className: "whitespace-nowrap",
    },
    {
      header: "From",
      cell: (row) => (
        <>
          <ContactText e164={row.contactNumberE164} raw={row.contactRaw} />
          {row.watchlistReports ? (
            <div>
              <Badge tone="red">Watchlist · {row.watchlistReports} reports</Badge>
            </div>
          ) : null}
        </>
      ),
      className: "max-w-56",
    },
    {
      header: "Claimed to be",
      cell: (row) => row.claimedOrganisation ?? <span className="text-slate-500">—</span>,
      className: "max-w-56 break-words",
    },
    {
      header: "Asked for",
      cell: (row) => (
        <>
          <AskList asks={row.asks} />
          {row.sharedSomething ? (
            <div className="text-xs font-semibold text-red-700 dark:text-red-400">Shared something</div>
          ) : null}
        </>
      ),
      className: "max-w-56",
    },
    {
      header: "Priority",
      cell: (row) => <PriorityBadge priority={row.priority} />,
    },
    {
      header: "Lost",
      cell: (row) => (row.moneyLostCents ? formatMoney(row.moneyLostCents, row.currency) : "—"),
      className: "whitespace-nowrap",
    },
    {
      header: "Status",
      cell: (row) => (
        <>
          <StatusBadge status={row.status} />
          {row.caseId ? <div className="text-xs text-slate-600 dark:text-slate-400">Case linked</div> : null}
        </>
      ),
    },
    {
      header: "Assignee",
      cell: (row) => row.assignee?.name ?? <span className="text-slate-500">Unassigned</span>,
    },
    {
      header: "Hints",
      cell: (row) => (
        <>
          {row.hints.sameNumber.length ? (
            <div>{plural(row.hints.sameNumber.length, "other report")} of this number within 7 days</div>
          ) : null}
          {row.hints.sameCustomer.length ? (
            <div>
              {plural(row.hints.sameCustomer.length, "other report")} from this customer within 7 days
            </div>
          ) : null}
          {row.customer ? (
            <div>
              Customer:{" "}
              <Link
                href={`/console/customers/${row.customer.id}`}
                prefetch={false}
                className="text-blue-700 underline dark:text-blue-300"
              >
                {row.customer.fullName}
              </Link>
            </div>
          ) : null}
        </>
      ),
      className: "text-xs",
      attributes: () => ({ "data-testid": "duplicate-hints" }),
    },
  ];
}

/** `selectForm`: the id of a form that the rows' checkboxes join (bulk assignment). */
export function QueueTable({
  rows,
  timeZone,
  selectForm,
  sort = "newest",
}: {
  rows: QueueRow[];
  timeZone: string;
  selectForm?: string;
  sort?: QueueSort;
}) {
  return (
    <DataTable
      rows={rows}
      columns={columns(timeZone, selectForm)}
      rowKey={(row) => row.id}
      caption={`Scam reports, ${QUEUE_SORT_LABELS[sort].toLowerCase()}`}
      testId="scam-queue"
      empty="No reports match."
      alignTop
      rowAttributes={(row) => ({ "data-reference": row.reference })}
    />
  );
}
