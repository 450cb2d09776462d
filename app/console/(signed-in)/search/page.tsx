import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { humanise } from "@/lib/customers/labels";
import { firstValues } from "@/lib/http/search-params";
import { CHANNEL_LABELS, STATUS_LABELS } from "@/lib/scam-reports/labels";
import { searchConsole } from "@/lib/workspace/console-search";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { Time } from "@/components/console/time";

export const metadata: Metadata = { title: "Search" };

const LINK = "font-medium text-blue-700 underline dark:text-blue-300";

function ResultGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} data-testid={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {children}
      </ul>
    </section>
  );
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireStaffContext("console:use");
  const q = (firstValues(await searchParams).q ?? "").slice(0, 500);
  const result = await searchConsole(ctx, q);
  const { query } = result;
  // A reference names exactly one thing: go straight to it, as the keyboard user expects.
  if (query.kind === "case" && result.cases[0]) redirect(`/console/cases/${result.cases[0].id}`);
  if (query.kind === "report" && result.reports[0])
    redirect(`/console/scam-reports/${result.reports[0].reference}`);

  const total = result.cases.length + result.customers.length + result.reports.length + result.staff.length;
  const item = "flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Search</h1>
      <form method="get" role="search" aria-label="Search again" className="flex flex-wrap items-end gap-3">
        <div className="min-w-72 flex-1">
          <label htmlFor="search-q" className="block text-sm font-medium">
            Customer (name, email, phone, id), case number, scam report reference or caller number, staff name
          </label>
          <TextInput id="search-q" name="q" defaultValue={q} maxLength={200} autoComplete="off" />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Customer searches are recorded in the audit log. Press <kbd className="font-mono">/</kbd> or{" "}
        <kbd className="font-mono">Ctrl+K</kbd> on any console page to search.
      </p>

      {query.kind === "invalid" ? <Alert tone="error">{query.message}</Alert> : null}
      {result.customerMessage && total === 0 ? <Alert tone="error">{result.customerMessage}</Alert> : null}
      {query.kind !== "empty" && query.kind !== "invalid" && total === 0 && !result.customerMessage ? (
        <Alert tone="info" title="Nothing found">
          {query.kind === "case"
            ? `There is no case C-${query.number}.`
            : query.kind === "report"
              ? `There is no scam report ${query.reference}.`
              : "Try another detail: phone numbers work in any format, emails must be complete, cases are found by number (C-1042)."}
        </Alert>
      ) : null}

      <div role="status" className="sr-only">
        {query.kind === "empty" || query.kind === "invalid" ? "" : `${total} found`}
      </div>

      {result.cases.length > 0 ? (
        <ResultGroup id="search-cases" title="Cases">
          {result.cases.map((found) => (
            <li key={found.id} className={item}>
              <Link href={`/console/cases/${found.id}`} prefetch={false} className={LINK}>
                C-{found.number}
              </Link>
              <span>{found.subject}</span>
              <Badge tone={found.status === "CLOSED" ? "neutral" : "blue"}>{humanise(found.status)}</Badge>
            </li>
          ))}
        </ResultGroup>
      ) : null}

      {result.customers.length > 0 ? (
        <ResultGroup id="search-customers" title="Customers">
          {result.customers.map((customer) => (
            <li key={customer.id} className={item}>
              <Link href={`/console/customers/${customer.id}`} prefetch={false} className={LINK}>
                {customer.fullName}
              </Link>
              <span className="font-mono text-sm">{customer.emailMasked}</span>
              {customer.phoneMasked ? (
                <span className="font-mono text-sm">{customer.phoneMasked}</span>
              ) : null}
              {customer.flagged ? <Badge tone="red">Flagged</Badge> : null}
            </li>
          ))}
        </ResultGroup>
      ) : null}

      {result.reports.length > 0 ? (
        <ResultGroup id="search-reports" title="Scam reports">
          {result.reports.map((report) => (
            <li key={report.id} className={item}>
              <Link
                href={`/console/scam-reports/${report.reference}`}
                prefetch={false}
                className={`font-mono ${LINK}`}
              >
                {report.reference}
              </Link>
              <span>
                {CHANNEL_LABELS[report.channel]}
                {report.contactRaw ? ` from ${report.contactRaw}` : ""},{" "}
                <Time date={report.contactedAt} timeZone={ctx.staff.timeZone} relative />
              </span>
              <Badge tone="neutral">{STATUS_LABELS[report.status]}</Badge>
            </li>
          ))}
        </ResultGroup>
      ) : null}

      {result.staff.length > 0 ? (
        <ResultGroup id="search-staff" title="Staff">
          {result.staff.map((member) => (
            <li key={member.id} className={item}>
              {can(ctx.staff, "staff:manage") ? (
                <Link href="/console/staff" prefetch={false} className={LINK}>
                  {member.name}
                </Link>
              ) : (
                <span className="font-medium">{member.name}</span>
              )}
              <span className="text-sm">{member.email}</span>
              <Badge tone="neutral">{member.role.toLowerCase()}</Badge>
              {member.active ? null : <Badge tone="amber">Deactivated</Badge>}
            </li>
          ))}
        </ResultGroup>
      ) : null}
    </div>
  );
}
