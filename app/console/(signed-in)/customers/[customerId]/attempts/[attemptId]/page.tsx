import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { getLoginAttemptDetail } from "@/lib/customers/activity";
import { viewCustomerSubPage } from "@/lib/customers/customer-overview";
import { formatUtc } from "@/lib/format/dates";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/console/copy-button";
import { Time } from "@/components/console/time";
import { CustomerHeader } from "@/components/console/customers/customer-header";
import { DeliveriesTable } from "@/components/console/customers/deliveries-table";
import { FACTOR_LABELS, OUTCOME_LABELS } from "@/lib/customers/labels";
import { RevealField } from "../../_components/reveal-field";

export const metadata: Metadata = { title: "Sign-in attempt" };

export default async function AttemptPage({
  params,
}: {
  params: Promise<{ customerId: string; attemptId: string }>;
}) {
  const ctx = await requireStaffContext("customer:view");
  const { staff } = ctx;
  const { customerId, attemptId } = await params;
  const detail = await getLoginAttemptDetail(customerId, attemptId);
  if (!detail) notFound();
  const customer = await viewCustomerSubPage(ctx, customerId, "attempt", { attemptId: detail.attempt.id });
  if (!customer) notFound();
  const { attempt, deliveries, sessions } = detail;
  const outcome = OUTCOME_LABELS[attempt.outcome] ?? { label: attempt.outcome, tone: "neutral" as const };
  const rows: [string, React.ReactNode][] = [
    [
      "Time",
      <>
        <Time date={attempt.occurredAt} timeZone={staff.timeZone} /> ({staff.timeZone}) ·{" "}
        {formatUtc(attempt.occurredAt)}
      </>,
    ],
    [
      "Outcome",
      <Badge key="o" tone={outcome.tone}>
        {outcome.label}
      </Badge>,
    ],
    ["Method", attempt.factor ? (FACTOR_LABELS[attempt.factor] ?? attempt.factor) : "—"],
    [
      "IP address",
      <span key="ip" className="font-mono">
        {attempt.ip} <CopyButton value={attempt.ip} />
      </span>,
    ],
    ["Place", [attempt.city, attempt.country].filter(Boolean).join(", ") || "—"],
    [
      "Device id",
      <span key="d" className="font-mono">
        {attempt.deviceId ?? "—"}
      </span>,
    ],
    [
      "User agent",
      <span key="ua" className="font-mono text-xs break-all">
        {attempt.userAgent ?? "—"}
      </span>,
    ],
    [
      "Login typed",
      attempt.identifierMasked ? (
        <RevealField
          key="login"
          customerId={customer.id}
          field="login"
          attemptId={attempt.id}
          masked={attempt.identifierMasked}
          label="Login typed"
          bare
        />
      ) : (
        "—"
      ),
    ],
    [
      "Sign-in flow",
      <span key="f" className="font-mono">
        {attempt.flowId ?? "—"}
      </span>,
    ],
    [
      "Event id",
      <span key="e" className="font-mono">
        {attempt.eventId} <CopyButton value={attempt.eventId} />
      </span>,
    ],
  ];
  return (
    <div className="space-y-8">
      <CustomerHeader customer={customer} current="attempts" />
      <section aria-labelledby="attempt-title" className="space-y-3">
        <h2 id="attempt-title" className="text-lg font-semibold">
          Sign-in attempt
        </h2>
        <dl
          className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]"
          data-testid="attempt-detail"
        >
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="related-codes" className="space-y-2">
        <h2 id="related-codes" className="text-lg font-semibold">
          Codes sent in this sign-in
        </h2>
        <DeliveriesTable rows={deliveries} timeZone={staff.timeZone} />
      </section>
      <section aria-labelledby="related-sessions" className="space-y-2">
        <h2 id="related-sessions" className="text-lg font-semibold">
          Sessions on this device
        </h2>
        {sessions.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No session started from this device.</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {sessions.map((session) => (
              <li key={session.id} className="py-2">
                {session.deviceLabel ?? "Unknown device"} ·{" "}
                <span className="font-mono">{session.ip ?? "?"}</span> · started{" "}
                <Time date={session.createdAt} timeZone={staff.timeZone} />
                {session.revokedAt ? (
                  <>
                    {" "}
                    · <Badge tone="neutral">Ended</Badge>
                  </>
                ) : (
                  <>
                    {" "}
                    · <Badge tone="green">Live</Badge>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Link
        href={`/console/customers/${customer.id}/attempts`}
        prefetch={false}
        className="text-blue-700 underline dark:text-blue-300"
      >
        Back to all attempts
      </Link>
    </div>
  );
}
