import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { formatInternational } from "@/lib/scam-reports/contact-number";
import { listWatchlist, watchlistRules, type WatchlistEntry } from "@/lib/scam-reports/watchlist";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Time } from "@/components/console/time";

export const metadata: Metadata = { title: "Scam number watchlist" };

export default async function WatchlistPage() {
  const staff = await requireStaff("scam-report:triage");
  const rules = watchlistRules();
  const entries = await listWatchlist(rules);
  const columns: Column<WatchlistEntry>[] = [
    {
      header: "Number",
      cell: (entry) => (
        <Link
          href={`/console/scam-reports?${new URLSearchParams({ q: entry.number, status: "all" })}`}
          prefetch={false}
          className="font-mono text-blue-700 underline dark:text-blue-300"
        >
          {formatInternational(entry.number)}
        </Link>
      ),
    },
    { header: "Reports", cell: (entry) => entry.reports, className: "tabular-nums" },
    {
      header: "First contact",
      cell: (entry) => <Time date={entry.firstContactedAt} timeZone={staff.timeZone} />,
    },
    {
      header: "Latest contact",
      cell: (entry) => <Time date={entry.lastContactedAt} timeZone={staff.timeZone} />,
    },
    {
      header: "Claimed to be",
      cell: (entry) => entry.organisations.join(" / ") || "—",
      className: "break-words",
    },
  ];
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/console/scam-reports" className="text-blue-700 underline dark:text-blue-300">
          Scam reports
        </Link>{" "}
        / Watchlist
      </nav>
      <h1 className="text-2xl font-bold">Scam number watchlist</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Numbers named in at least {rules.minReports} reports in the last {rules.days} days. A customer whose
        reports or cases mention one of these gets a warning on their page. Numbers leave the list by
        themselves as reports age.
      </p>
      <DataTable
        rows={entries}
        columns={columns}
        rowKey={(entry) => entry.number}
        caption="Watchlisted numbers, most reported first"
        testId="watchlist"
        empty="No number has been reported often enough."
      />
    </div>
  );
}
