import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { firstValues } from "@/lib/http/search-params";
import { listScamReports } from "@/lib/scam-reports/queue";
import { queueFiltersSchema, type QueueFilters } from "@/lib/scam-reports/schemas";
import { listAssignableStaff } from "@/lib/cases/case-queries";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { QueueFilterForm } from "@/components/console/scam-reports/queue-filters";
import { QueueTable } from "@/components/console/scam-reports/queue-table";
import { BulkStatusForm } from "@/components/console/bulk-status-form";
import { SavedViews } from "@/components/console/saved-views";
import { SCAM_STATUSES, STATUS_LABELS } from "@/lib/scam-reports/labels";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { deleteViewAction, saveViewAction } from "../../saved-view-actions";
import { BulkAssignReportsForm } from "./_components/bulk-assign-reports-form";
import { bulkReportStatusAction } from "./actions";

export const metadata: Metadata = { title: "Scam reports" };

export default async function ScamReportQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("scam-report:triage");
  const params = firstValues(await searchParams);
  const parsed = queueFiltersSchema.safeParse(params);
  const filters: QueueFilters = parsed.success ? parsed.data : {};
  // Filters that are not valid (an unknown sort column among them) are refused by name, and the queue
  // is not listed in some other order as if they had been applied.
  const [page, assignable, views] = await Promise.all([
    parsed.success ? listScamReports(staff, filters) : { rows: [], nextCursor: null },
    listAssignableStaff(),
    listSavedViews(staff.id, "SCAM_REPORTS"),
  ]);
  const { cursor: _cursor, ...viewFilters } = filters;
  const next = page.nextCursor
    ? new URLSearchParams({
        ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
        cursor: page.nextCursor,
      })
    : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Scam reports</h1>
        <div className="ml-auto flex flex-wrap gap-2">
          <Link href="/console/scam-reports/new" prefetch={false} className={buttonClasses("primary")}>
            Record a report
          </Link>
          <Link
            href="/console/scam-reports/watchlist"
            prefetch={false}
            className={buttonClasses("secondary")}
          >
            Watchlist
          </Link>
          {can(staff, "analytics:view") ? (
            <Link href="/console/analytics" prefetch={false} className={buttonClasses("secondary")}>
              Analytics
            </Link>
          ) : null}
        </div>
      </div>
      {parsed.success ? null : (
        <Alert tone="error" title="Some filters are not valid">
          <ul className="list-disc pl-5">
            {parsed.error.issues.map((issue) => (
              <li key={issue.path.join(".")}>{issue.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {/* Keyed by the filters: opening a saved view is a client navigation, and the form's fields
          (uncontrolled) must show the view's filters, not the ones chosen before. */}
      <QueueFilterForm key={JSON.stringify(filters)} filters={filters} staff={assignable} />
      <SavedViews
        list="SCAM_REPORTS"
        query={new URLSearchParams(
          Object.entries(viewFilters).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])),
        ).toString()}
        views={views}
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      {page.rows.some((row) => row.status !== "CLOSED") ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <BulkAssignReportsForm staff={assignable} />
          <BulkStatusForm
            action={bulkReportStatusAction}
            idsName="reportIds"
            selectForm="bulk-assign-reports"
            statuses={SCAM_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
            noun="reports"
          />
        </div>
      ) : null}
      {parsed.success ? (
        <QueueTable
          rows={page.rows}
          timeZone={staff.timeZone}
          selectForm="bulk-assign-reports"
          sort={filters.sort}
        />
      ) : null}
      {next ? (
        <Link
          href={`/console/scam-reports?${next}`}
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          Older reports
        </Link>
      ) : null}
    </div>
  );
}
