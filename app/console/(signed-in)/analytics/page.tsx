import type { Metadata } from "next";
import Link from "next/link";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { ReactNode } from "react";
import { requireStaff } from "@/lib/auth/current-staff";
import { firstValues } from "@/lib/http/search-params";
import { getScamAnalytics } from "@/lib/scam-reports/analytics";
import { formatInternational } from "@/lib/scam-reports/contact-number";
import { ASK_LABELS, CHANNEL_LABELS, formatMoney } from "@/lib/scam-reports/labels";
import { ANALYTICS_PERIODS, analyticsFiltersSchema } from "@/lib/scam-reports/schemas";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { BarList, ColumnChart } from "@/components/console/charts/column-chart";

export const metadata: Metadata = { title: "Scam analytics" };

function Panel({
  id,
  title,
  children,
  className,
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={cn(
        "space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900",
        className,
      )}
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Tile({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="text-sm text-slate-600 dark:text-slate-400">{label}</div>
      <div className="mt-1 text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

const BUCKET_FORMAT = { day: "d MMM", week: "'w/c' d MMM", month: "MMM yyyy" } as const;

export default async function AnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("analytics:view");
  const parsed = analyticsFiltersSchema.safeParse(firstValues(await searchParams));
  const days = parsed.success ? parsed.data.days : 90;
  const data = await getScamAnalytics(days);
  const percent = (part: number) => (data.total ? `${Math.round((part / data.total) * 100)}%` : "—");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <h1 className="text-2xl font-bold">Scam analytics</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Reports received in the last {days} days (UTC).
          </p>
        </div>
        <nav aria-label="Period" className="ml-auto flex gap-1">
          {ANALYTICS_PERIODS.map((period) => (
            <Link
              key={period}
              href={`/console/analytics?days=${period}`}
              prefetch={false}
              aria-current={period === days ? "page" : undefined}
              className={buttonClasses(period === days ? "primary" : "secondary", "min-h-8 px-3 py-1")}
            >
              {period} days
            </Link>
          ))}
        </nav>
        <a href={`/api/scam-reports/export?days=${days}`} className={buttonClasses("secondary")} download>
          Export CSV
        </a>
      </div>
      {parsed.success ? null : <Alert tone="error">Choose a period of 30, 90 or 365 days; showing 90.</Alert>}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Tile label="Reports" value={data.total} testId="total-reports" />
        <Tile label="From the public form" value={`${data.fromPublic} (${percent(data.fromPublic)})`} />
        <Tile label="Gave the scammer something" value={`${data.shared} (${percent(data.shared)})`} />
        <Tile
          label="Money lost"
          value={
            data.moneyByCurrency.length
              ? data.moneyByCurrency.map((row) => formatMoney(row.totalCents, row.currency)).join(" · ")
              : "None reported"
          }
        />
      </div>

      <Panel id="over-time" title="Reports over time">
        <ColumnChart
          caption={`Reports received per ${data.bucket}`}
          valueLabel="Reports"
          columns={data.overTime.map((bucket) => {
            const label = format(new TZDate(bucket.start, "UTC"), BUCKET_FORMAT[data.bucket]);
            return {
              key: bucket.start.toISOString(),
              label,
              value: bucket.count,
              title: `${label}: ${bucket.count} report${bucket.count === 1 ? "" : "s"}`,
            };
          })}
        />
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="top-numbers" title="Most reported numbers">
          <BarList
            testId="top-numbers"
            empty="No numbers reported in this period."
            items={data.topNumbers.map((row) => ({
              key: row.number,
              value: row.count,
              label: (
                <Link
                  href={`/console/scam-reports?${new URLSearchParams({ q: row.number, status: "all" })}`}
                  prefetch={false}
                  className="font-mono text-blue-700 underline dark:text-blue-300"
                >
                  {formatInternational(row.number)}
                </Link>
              ),
              detail: row.organisations.length
                ? `Claiming to be ${row.organisations.join(" / ")}`
                : undefined,
            }))}
          />
        </Panel>
        <Panel id="top-organisations" title="Organisations they claimed to be">
          <BarList
            testId="top-organisations"
            empty="No organisations named in this period."
            items={data.topOrganisations.map((row) => ({
              key: row.organisation,
              value: row.count,
              label: row.organisation,
            }))}
          />
        </Panel>
        <Panel id="asks" title="What they asked for">
          <BarList
            testId="asks"
            empty="Nothing recorded."
            items={data.asks.map((row) => ({
              key: row.ask,
              value: row.count,
              label: ASK_LABELS[row.ask].short,
            }))}
          />
        </Panel>
        <Panel id="channels" title="How they made contact">
          <BarList
            empty="Nothing recorded."
            items={data.byChannel.map((row) => ({
              key: row.channel,
              value: row.count,
              label: CHANNEL_LABELS[row.channel],
            }))}
          />
        </Panel>
        <Panel id="money" title="Money lost">
          <BarList
            testId="money"
            empty="No losses reported in this period."
            items={data.moneyByCurrency.map((row) => ({
              key: row.currency,
              value: row.totalCents,
              display: formatMoney(row.totalCents, row.currency),
              label: row.currency,
              detail: `${row.reports} report${row.reports === 1 ? "" : "s"}, largest ${formatMoney(row.largestCents, row.currency)}`,
            }))}
          />
          {data.paymentMethods.length ? (
            <>
              <h3 className="pt-2 font-medium">How it was paid</h3>
              <BarList
                empty=""
                items={data.paymentMethods.map((row) => ({
                  key: row.method,
                  value: row.reports,
                  label: row.method,
                }))}
              />
            </>
          ) : null}
        </Panel>
      </div>
    </div>
  );
}
