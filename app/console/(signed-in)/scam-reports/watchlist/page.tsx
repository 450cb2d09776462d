import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { formatInternational } from "@/lib/scam-reports/contact-number";
import { listWatchlist, watchlistRules } from "@/lib/scam-reports/watchlist";
import { Time } from "@/components/console/time";

export const metadata: Metadata = { title: "Scam number watchlist" };

export default async function WatchlistPage() {
  const staff = await requireStaff("scam-report:triage");
  const rules = watchlistRules();
  const entries = await listWatchlist(rules);
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
        Numbers named in at least {rules.minReports} reports in the last {rules.days} days. A customer whose reports or cases mention one of these
        gets a warning on their page. Numbers leave the list by themselves as reports age.
      </p>
      {entries.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No number has been reported often enough.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="watchlist">
            <caption className="sr-only">Watchlisted numbers, most reported first</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">Number</th>
                <th scope="col" className="py-2 pr-3">Reports</th>
                <th scope="col" className="py-2 pr-3">First contact</th>
                <th scope="col" className="py-2 pr-3">Latest contact</th>
                <th scope="col" className="py-2 pr-3">Claimed to be</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.number} className="border-b border-slate-200 dark:border-slate-800">
                  <td className="py-2 pr-3">
                    <Link href={`/console/scam-reports?${new URLSearchParams({ q: entry.number, status: "all" })}`} prefetch={false} className="font-mono text-blue-700 underline dark:text-blue-300">
                      {formatInternational(entry.number)}
                    </Link>
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{entry.reports}</td>
                  <td className="py-2 pr-3"><Time date={entry.firstContactedAt} timeZone={staff.timeZone} /></td>
                  <td className="py-2 pr-3"><Time date={entry.lastContactedAt} timeZone={staff.timeZone} /></td>
                  <td className="py-2 pr-3 break-words">{entry.organisations.join(" / ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
