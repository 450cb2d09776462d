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
import { BulkAssignReportsForm } from "./_components/bulk-assign-reports-form";

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
  const [page, assignable] = await Promise.all([listScamReports(staff, filters), listAssignableStaff()]);
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
      <QueueFilterForm filters={filters} staff={assignable} />
      {page.rows.some((row) => row.status !== "CLOSED") ? <BulkAssignReportsForm staff={assignable} /> : null}
      <QueueTable rows={page.rows} timeZone={staff.timeZone} selectForm="bulk-assign-reports" />
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
