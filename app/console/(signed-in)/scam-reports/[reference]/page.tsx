import type { Metadata } from "next";
import Link from "next/link";
import { RememberRecent } from "@/components/console/recent-items";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { describeContact, formatInternational } from "@/lib/scam-reports/contact-number";
import { CHANNEL_LABELS, SOURCE_LABELS, formatMoney } from "@/lib/scam-reports/labels";
import { getScamReportDetail, loadCorrelation } from "@/lib/scam-reports/report-detail";
import { listAssignableStaff } from "@/lib/cases/case-queries";
import { watchlistRules } from "@/lib/scam-reports/watchlist";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/console/copy-button";
import { Time } from "@/components/console/time";
import { humanise } from "@/lib/customers/labels";
import { CorrelationPanel } from "@/components/console/scam-reports/correlation-panel";
import { AskList, StatusBadge } from "@/components/console/scam-reports/report-badges";
import { LinkCustomerForm, OpenCaseForm, TriageForm } from "./_components/report-actions";

export const metadata: Metadata = { title: "Scam report" };

function Item({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-500">—</span>;

export default async function ScamReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireStaffContext("scam-report:triage");
  const { staff } = ctx;
  const { reference } = await params;
  const report = await getScamReportDetail(ctx, decodeURIComponent(reference));
  if (!report) notFound();
  const { recorded } = await searchParams;
  const [correlation, assignable] = await Promise.all([loadCorrelation(report), listAssignableStaff()]);
  const tz = staff.timeZone;
  const contactNote = describeContact(report, report.channel);
  const rules = watchlistRules();

  return (
    <div className="space-y-8">
      <RememberRecent
        staffId={ctx.staff.id}
        item={{ kind: "report", label: report.reference, href: `/console/scam-reports/${report.reference}` }}
      />
      <div className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/console/scam-reports" className="text-blue-700 underline dark:text-blue-300">
            Scam reports
          </Link>{" "}
          / {report.reference}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold" data-testid="report-title">
            {report.reference}
          </h1>
          <CopyButton value={report.reference} label="Copy reference" />
          <StatusBadge status={report.status} />
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {SOURCE_LABELS[report.source]}
            {report.recordedBy ? ` by ${report.recordedBy.name}` : ""} · received{" "}
            <Time date={report.createdAt} timeZone={tz} />
          </span>
        </div>
        {recorded ? (
          <Alert tone="success">
            Report recorded. Link the customer below to check their account around the time of the contact.
          </Alert>
        ) : null}
        {report.watchlist ? (
          <Alert tone="error" title="This number is on the scam watchlist">
            {formatInternational(report.watchlist.number)} was reported {report.watchlist.reports} times in
            the last {rules.days} days.
          </Alert>
        ) : null}
      </div>

      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="report-facts" className="space-y-4 lg:col-span-2">
          <h2 id="report-facts" className="text-lg font-semibold">
            What was reported
          </h2>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="report-facts">
            <Item label="Contact">{CHANNEL_LABELS[report.channel]}</Item>
            <Item label="When">
              <Time date={report.contactedAt} timeZone={tz} />
            </Item>
            <Item label="Number or sender">
              {report.contactNumberE164 ? (
                <span className="font-mono">{formatInternational(report.contactNumberE164)}</span>
              ) : null}
              {report.contactRaw ? (
                <div className="text-sm">
                  {report.contactNumberE164 ? "As given: " : ""}
                  <span className="break-all">{report.contactRaw}</span>
                </div>
              ) : (
                none
              )}
              {contactNote ? (
                <div className="text-sm text-amber-800 dark:text-amber-300">{contactNote}</div>
              ) : null}
            </Item>
            <Item label="Claimed to be">
              {[report.claimedOrganisation, report.claimedRole, report.claimedName].some(Boolean) ? (
                <>
                  {report.claimedOrganisation ?? "Unknown organisation"}
                  {report.claimedRole ? <div className="text-sm">Role: {report.claimedRole}</div> : null}
                  {report.claimedName ? <div className="text-sm">Name: {report.claimedName}</div> : null}
                </>
              ) : (
                none
              )}
            </Item>
            <Item label="Asked for">
              <AskList asks={report.asks} />
            </Item>
            <Item label="Gave them anything">
              {report.sharedSomething ? (
                <strong className="text-red-700 dark:text-red-400">Yes</strong>
              ) : (
                "No"
              )}
            </Item>
            <Item label="Money lost">
              {report.moneyLostCents ? formatMoney(report.moneyLostCents, report.currency) : "None reported"}
              {report.paymentMethod ? <div className="text-sm">Paid by: {report.paymentMethod}</div> : null}
            </Item>
            <Item label="Reporter">
              {[report.reporterName, report.reporterEmail, report.reporterPhone].some(Boolean) ? (
                <>
                  {report.reporterName ? <div>{report.reporterName}</div> : null}
                  {report.reporterEmail ? <div className="break-all">{report.reporterEmail}</div> : null}
                  {report.reporterPhone ? <div>{report.reporterPhone}</div> : null}
                </>
              ) : (
                "No contact details left"
              )}
            </Item>
            <Item label="Story" wide>
              {/* Text, never HTML: React escapes it, and line breaks are kept by CSS. */}
              <p
                className="whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
                data-testid="report-story"
              >
                {report.story}
              </p>
            </Item>
          </dl>

          <section aria-labelledby="duplicates-title" className="space-y-2">
            <h2 id="duplicates-title" className="text-lg font-semibold">
              Possible duplicates (within 7 days)
            </h2>
            {report.hints.sameNumber.length === 0 && report.hints.sameCustomer.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                No other report of this number or from this customer within a week of this contact.
              </p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="duplicates">
                {[
                  ...report.hints.sameNumber.map((item) => ({ item, why: "same number" })),
                  ...report.hints.sameCustomer.map((item) => ({ item, why: "same customer" })),
                ].map(({ item, why }) => (
                  <li key={`${why}-${item.id}`}>
                    <Link
                      href={`/console/scam-reports/${item.reference}`}
                      prefetch={false}
                      className="font-mono text-blue-700 underline dark:text-blue-300"
                    >
                      {item.reference}
                    </Link>{" "}
                    ({why}, contact <Time date={item.contactedAt} timeZone={tz} />)
                  </li>
                ))}
              </ul>
            )}
          </section>
        </section>

        <aside className="space-y-6">
          <section aria-labelledby="triage-title" className="space-y-2">
            <h2 id="triage-title" className="text-lg font-semibold">
              Triage
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Assigned to {report.assignee?.name ?? "nobody"}.
            </p>
            <TriageForm
              reference={report.reference}
              status={report.status}
              assigneeId={report.assignee?.id ?? null}
              staff={assignable}
            />
          </section>

          <section aria-labelledby="customer-title" className="space-y-2">
            <h2 id="customer-title" className="text-lg font-semibold">
              Customer
            </h2>
            {report.customer ? (
              <p data-testid="linked-customer">
                <Link
                  href={`/console/customers/${report.customer.id}`}
                  prefetch={false}
                  className="font-medium text-blue-700 underline dark:text-blue-300"
                >
                  {report.customer.fullName}
                </Link>{" "}
                <span className="font-mono text-xs text-slate-600 dark:text-slate-400">
                  {report.customer.externalId}
                </span>
              </p>
            ) : (
              <>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Not linked to a customer.
                  {report.customerEmail
                    ? " The reporter gave an account email; check it is theirs before acting on the account."
                    : ""}
                </p>
                <LinkCustomerForm reference={report.reference} suggestion={report.customerEmail} />
              </>
            )}
          </section>

          <section aria-labelledby="case-title" className="space-y-2">
            <h2 id="case-title" className="text-lg font-semibold">
              Case
            </h2>
            {report.case ? (
              <p data-testid="linked-case">
                <Link
                  href={`/console/cases/${report.case.id}`}
                  prefetch={false}
                  className="font-medium text-blue-700 underline dark:text-blue-300"
                >
                  Case C-{report.case.number}
                </Link>{" "}
                · {humanise(report.case.status)} · {report.case.subject}
              </p>
            ) : report.customer && can(staff, "case:work") ? (
              <>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  If the account was taken over (see below), open a case to secure it. The case is assigned to
                  you and this report is escalated.
                </p>
                <OpenCaseForm
                  reference={report.reference}
                  defaultSubject={`Account taken over after a scam ${CHANNEL_LABELS[report.channel].toLowerCase()} (${report.reference})`}
                />
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Link the customer first to open a case.
              </p>
            )}
          </section>
        </aside>
      </div>

      {correlation && report.customer ? (
        <CorrelationPanel correlation={correlation} timeZone={tz} customerId={report.customer.id} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Link a customer to see their sign-ins and codes around the time of the contact.
        </p>
      )}
    </div>
  );
}
