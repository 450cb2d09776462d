import type { Metadata } from "next";
import Link from "next/link";
import { RememberRecent } from "@/components/console/recent-items";
import { notFound } from "next/navigation";
import { isUuid } from "@/lib/ids";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { getCustomerPage } from "@/lib/customers/customer-overview";
import { describeContactChange } from "@/lib/customers/verdict";
import { maskDestination } from "@/lib/customers/masking";
import { loadCustomerPageLists } from "@/lib/customers/customer-page-lists";
import { AccountActionsList } from "@/components/console/customers/account-actions-list";
import { can } from "@/lib/auth/permissions";
import { Alert } from "@/components/ui/alert";
import { VerdictBanner } from "@/components/console/customers/verdict-banner";
import { ProtectAccountForm, RestoreContactForm, UnlockForm } from "./_components/account-action-forms";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Time } from "@/components/console/time";
import { AttemptsTable } from "@/components/console/customers/attempts-table";
import { CustomerHeader } from "@/components/console/customers/customer-header";
import { DeliveriesTable } from "@/components/console/customers/deliveries-table";
import { FACTOR_LABELS, humanise } from "@/lib/customers/labels";
import { RevealField } from "./_components/reveal-field";
import { CallerVerificationPanel } from "./_components/caller-verification-panel";
import { RiskSignalsPanel } from "@/components/console/customers/risk-signals-panel";
import { findWatchlistMentions, watchlistRules } from "@/lib/scam-reports/watchlist";
import { WatchlistWarning } from "@/components/console/scam-reports/watchlist-warning";

export const metadata: Metadata = { title: "Customer" };

// The newest few rows of each timeline: each row costs render time and bytes on every view (the
// most frequent page of the console), and the full, filterable lists are one link away.
const LATEST_ROWS = 5;

const Section = ({ id, title, children }: { id: string; title: string; children: React.ReactNode }) => (
  <section aria-labelledby={id} className="space-y-2">
    <h2 id={id} className="text-lg font-semibold">
      {title}
    </h2>
    {children}
  </section>
);

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const ctx = await requireStaffContext("customer:view");
  const { staff } = ctx;
  const { customerId } = await params;
  // The lists do not wait for the overview: an unknown id finds no rows and ends in notFound().
  const [found, lists] = await Promise.all([
    getCustomerPage(ctx, customerId),
    isUuid(customerId) ? loadCustomerPageLists(customerId, LATEST_ROWS) : null,
  ]);
  if (!found || !lists) notFound();
  const { overview: customer, assessment } = found;
  const watchlist = watchlistRules();
  const { attempts, deliveries, pendingResets, pendingRestores, actions } = lists;
  const watchlistMentions = await findWatchlistMentions(lists.watchlistSources, watchlist);
  const { signals, trust, verdict } = assessment;
  const contactChanges = trust
    ? [trust.phone, trust.email].flatMap((entry) => {
        const line = describeContactChange(entry);
        return line ? [{ entry, line }] : [];
      })
    : [];
  const restorable = contactChanges.flatMap(({ entry }) =>
    entry.previous
      ? [
          {
            field: entry.field,
            label: `Previous ${entry.field === "phone" ? "phone number" : "email"} ${maskDestination(entry.previous)}`,
          },
        ]
      : [],
  );
  const customerVersion = customer.updatedAt.toISOString();
  const flaggedAttempts = new Set(signals.flatMap((signal) => signal.attemptIds));
  const flaggedDeliveries = new Set(signals.flatMap((signal) => signal.deliveryIds));
  const tz = staff.timeZone;

  return (
    <div className="space-y-8">
      <RememberRecent
        staffId={staff.id}
        item={{ kind: "customer", label: customer.fullName, href: `/console/customers/${customer.id}` }}
      />
      <CustomerHeader customer={customer} current="overview" />
      <VerdictBanner verdict={verdict} />
      {contactChanges.length > 0 ? (
        <Alert tone="warning" title={`Contact details changed in the last ${trust?.windowDays ?? 30} days`}>
          <ul className="list-disc pl-5" data-testid="contact-changes">
            {contactChanges.map(({ line }) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-1">
            Do not call back, send links to or verify through a changed contact. Security notices also go to
            the replaced ones.
          </p>
        </Alert>
      ) : null}
      {pendingResets.map((reset) => (
        <Alert key={reset.id} tone="info" title="A 2FA reset is waiting for a supervisor">
          Requested by {reset.requestedBy.name} <Time date={reset.createdAt} timeZone={tz} relative /> ·
          lapses <Time date={reset.expiresAt} timeZone={tz} relative />. Do not request another; ask a
          supervisor to decide it in Approvals.
        </Alert>
      ))}
      {pendingRestores.map((restore) => (
        <Alert key={restore.id} tone="info" title="A contact restore is waiting for a supervisor">
          Put back {restore.restoreMasked} in place of {restore.replacedMasked ?? "the current one"},
          requested by {restore.requestedBy.name} <Time date={restore.createdAt} timeZone={tz} relative />.
        </Alert>
      ))}
      <WatchlistWarning mentions={watchlistMentions} timeZone={tz} days={watchlist.days} />
      <div className="flex flex-wrap gap-3">
        <Link
          href={`/console/cases/new?customer=${customer.id}`}
          prefetch={false}
          className={buttonClasses("secondary")}
        >
          Open a case
        </Link>
        <Link
          href={`/console/customers/${customer.id}/reset`}
          prefetch={false}
          className={buttonClasses("danger")}
        >
          Reset 2FA
        </Link>
      </div>
      <CallerVerificationPanel customerId={customer.id} staff={staff} trust={trust} />
      <RiskSignalsPanel
        customerId={customer.id}
        signals={signals}
        timeZone={tz}
        windowDays={trust?.windowDays ?? 30}
      />

      <Section id="actions-title" title="Protect the account">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each action is recorded, audited, sent to the identity system and told to the customer on every
          contact on file and every one replaced recently.
        </p>
        {customer.status === "CLOSED" ? (
          <Alert tone="info">This account is closed: nothing can be changed on it.</Alert>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            {can(staff, "account:protect") ? (
              <div className="space-y-2" data-testid="protect-account">
                <h3 className="font-semibold">Sessions, password, lock</h3>
                <ProtectAccountForm
                  customerId={customer.id}
                  customerVersion={customerVersion}
                  locked={customer.status === "LOCKED"}
                  sessions={customer.sessions.map((session) => ({
                    id: session.id,
                    description: `${session.deviceLabel ?? "Unknown device"} · ${session.ip ?? "?"} · ${[session.city, session.country].filter(Boolean).join(", ") || "unknown place"}`,
                  }))}
                />
              </div>
            ) : null}
            {can(staff, "account:restore") ? (
              <div className="space-y-6">
                <UnlockForm
                  customerId={customer.id}
                  customerVersion={customerVersion}
                  locked={customer.status === "LOCKED"}
                />
                <RestoreContactForm
                  customerId={customer.id}
                  customerVersion={customerVersion}
                  choices={restorable}
                />
              </div>
            ) : null}
          </div>
        )}
        <AccountActionsList customerId={customer.id} actions={actions} timeZone={tz} />
      </Section>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section id="profile-title" title="Profile">
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <RevealField customerId={customer.id} field="email" masked={customer.emailMasked} label="Email" />
            {customer.phoneMasked ? (
              <RevealField
                customerId={customer.id}
                field="phone"
                masked={customer.phoneMasked}
                label="Phone"
              />
            ) : null}
            <div>
              <dt className="text-sm text-slate-600 dark:text-slate-400">Country</dt>
              <dd>{customer.country ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600 dark:text-slate-400">Customer since</dt>
              <dd>
                <Time date={customer.createdAt} timeZone={tz} />
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600 dark:text-slate-400">Account</dt>
              <dd>
                {customer.status === "LOCKED" ? <Badge tone="red">Locked</Badge> : humanise(customer.status)}
              </dd>
            </div>
            {customer.passwordResetRequired ? (
              <div>
                <dt className="text-sm text-slate-600 dark:text-slate-400">Password</dt>
                <dd>
                  <Badge tone="amber">Must be changed at next sign-in</Badge>
                </dd>
              </div>
            ) : null}
            {customer.flagReason ? (
              <div className="sm:col-span-2">
                <dt className="text-sm text-slate-600 dark:text-slate-400">Flag reason</dt>
                <dd>{customer.flagReason}</dd>
              </div>
            ) : null}
          </dl>
        </Section>

        <Section id="factors-title" title="Second factors">
          {customer.factors.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">
              No second factor: the customer must enrol one at next sign-in.
            </p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="factors">
              {customer.factors.map((factor) => (
                <li key={factor.id} className="py-2 text-sm">
                  <span className="font-medium">{FACTOR_LABELS[factor.type] ?? factor.type}</span> ·{" "}
                  {factor.label}
                  {factor.destinationMasked ? (
                    <span className="font-mono"> · {factor.destinationMasked}</span>
                  ) : null}
                  <div className="text-slate-600 dark:text-slate-400">
                    Enrolled <Time date={factor.enrolledAt} timeZone={tz} /> · last used{" "}
                    {factor.lastUsedAt ? <Time date={factor.lastUsedAt} timeZone={tz} relative /> : "never"}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="sessions-title" title={`Live sessions (${customer.sessions.length})`}>
          {customer.sessions.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">No live sessions.</p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="sessions">
              {customer.sessions.map((session) => (
                <li key={session.id} className="py-2 text-sm">
                  <span className="font-medium">{session.deviceLabel ?? "Unknown device"}</span>
                  <span className="font-mono"> · {session.ip ?? "?"}</span> ·{" "}
                  {[session.city, session.country].filter(Boolean).join(", ") || "unknown place"}
                  <div className="text-slate-600 dark:text-slate-400">
                    Started <Time date={session.createdAt} timeZone={tz} /> · last seen{" "}
                    <Time date={session.lastSeenAt} timeZone={tz} relative />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="cases-title" title="Open cases and scam reports">
          {customer.openCases.length === 0 && customer.scamReports.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">No open cases or scam reports.</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
              {customer.openCases.map((item) => (
                <li key={item.id} className="py-2">
                  <Link
                    href={`/console/cases/${item.id}`}
                    prefetch={false}
                    className="font-medium text-blue-700 underline dark:text-blue-300"
                  >
                    Case C-{item.number}
                  </Link>{" "}
                  · {humanise(item.type)} · {humanise(item.status)} · {item.subject}
                </li>
              ))}
              {customer.scamReports.map((report) => (
                <li key={report.id} className="py-2">
                  <Link
                    href={`/console/scam-reports/${report.reference}`}
                    prefetch={false}
                    className="font-medium text-blue-700 underline dark:text-blue-300"
                  >
                    Scam report {report.reference}
                  </Link>{" "}
                  · {humanise(report.channel)}
                  {report.claimedOrganisation ? ` claiming to be ${report.claimedOrganisation}` : ""} ·{" "}
                  <Time date={report.contactedAt} timeZone={tz} />
                </li>
              ))}
            </ul>
          )}
          <Link
            href={`/console/scam-reports/new?${new URLSearchParams({ customer: customer.externalId })}`}
            prefetch={false}
            className="text-sm text-blue-700 underline dark:text-blue-300"
          >
            Record a scam report for this customer
          </Link>
        </Section>
      </div>

      <Section id="recent-attempts" title="Latest sign-in attempts">
        <AttemptsTable customerId={customer.id} rows={attempts} timeZone={tz} highlight={flaggedAttempts} />
        <Link
          href={`/console/customers/${customer.id}/attempts`}
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          All sign-in attempts, with filters
        </Link>
      </Section>
      <Section id="recent-codes" title="Latest codes sent">
        <DeliveriesTable rows={deliveries} timeZone={tz} highlight={flaggedDeliveries} />
        <Link
          href={`/console/customers/${customer.id}/codes`}
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          All codes sent, with filters
        </Link>
      </Section>
    </div>
  );
}
