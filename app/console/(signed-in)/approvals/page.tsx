import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { listPendingResets } from "@/lib/resets/factor-resets";
import { listPendingRestores } from "@/lib/account-actions/contact-restores";
import { VERIFICATION_LABELS } from "@/lib/resets/schemas";
import { Alert } from "@/components/ui/alert";
import { Time } from "@/components/console/time";
import { FACTOR_LABELS } from "@/lib/customers/labels";
import { DecisionForm } from "./_components/decision-form";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const approver = await requireStaff("reset:approve");
  const [pending, restores] = await Promise.all([listPendingResets(), listPendingRestores()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Approvals</h1>
      <h2 className="text-xl font-bold">2FA resets waiting for approval</h2>
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">
        These accounts show signs of attack, so a second person decides. Check that the verification is
        convincing and that nobody asked the customer for a code. Requests lapse after 4 hours.
      </p>
      {pending.length === 0 ? <Alert tone="info">Nothing is waiting for approval.</Alert> : null}
      <ul className="space-y-4">
        {pending.map((reset) => (
          <li
            key={reset.id}
            className="space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            data-testid="pending-reset"
          >
            <div className="flex flex-wrap items-baseline gap-x-3">
              <Link
                href={`/console/customers/${reset.customer.id}`}
                prefetch={false}
                className="font-semibold text-blue-700 underline dark:text-blue-300"
              >
                {reset.customer.fullName}
              </Link>
              <span className="text-sm">requested by {reset.requestedBy.name}</span>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                <Time date={reset.createdAt} timeZone={approver.timeZone} /> · lapses{" "}
                <Time date={reset.expiresAt} timeZone={approver.timeZone} relative />
              </span>
            </div>
            <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-slate-600 dark:text-slate-400">Remove</dt>
              <dd>
                {reset.factors
                  .map((factor) => `${FACTOR_LABELS[factor.type] ?? factor.type} (${factor.label})`)
                  .join(", ")}
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">Verified by</dt>
              <dd>
                {VERIFICATION_LABELS[reset.verificationMethod as keyof typeof VERIFICATION_LABELS] ??
                  reset.verificationMethod}
                {reset.verificationDetail ? `: ${reset.verificationDetail}` : ""}
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">Reason</dt>
              <dd>{reset.reason}</dd>
              <dt className="text-slate-600 dark:text-slate-400">Also</dt>
              <dd>
                {[
                  reset.revokeSessions ? "end every session" : null,
                  reset.forcePasswordReset ? "require a new password" : null,
                ]
                  .filter(Boolean)
                  .join(", ") || "nothing else"}
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">Why approval is needed</dt>
              <dd>
                <ul className="list-disc pl-5">
                  {reset.riskReasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </dd>
            </dl>
            {can(approver, "reset:approve", { kind: "factor-reset", requestedById: reset.requestedBy.id }) ? (
              <div className="grid gap-4 md:grid-cols-2">
                <DecisionForm id={reset.id} decision="approve" />
                <DecisionForm id={reset.id} decision="reject" />
              </div>
            ) : (
              <Alert tone="info">You requested this reset, so another supervisor must decide.</Alert>
            )}
          </li>
        ))}
      </ul>

      <h2 className="text-xl font-bold">Contact restores waiting for approval</h2>
      {restores.length === 0 ? <Alert tone="info">No contact restore is waiting.</Alert> : null}
      <ul className="space-y-4">
        {restores.map((restore) => (
          <li
            key={restore.id}
            className="space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            data-testid="pending-restore"
          >
            <div className="flex flex-wrap items-baseline gap-x-3">
              <Link
                href={`/console/customers/${restore.customer.id}`}
                prefetch={false}
                className="font-semibold text-blue-700 underline dark:text-blue-300"
              >
                {restore.customer.fullName}
              </Link>
              <span className="text-sm">requested by {restore.requestedBy.name}</span>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                <Time date={restore.createdAt} timeZone={approver.timeZone} /> · lapses{" "}
                <Time date={restore.expiresAt} timeZone={approver.timeZone} relative />
              </span>
            </div>
            <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-slate-600 dark:text-slate-400">Put back</dt>
              <dd>
                {restore.field === "phone" ? "Phone" : "Email"} {restore.restoreMasked} in place of{" "}
                {restore.replacedMasked ?? "nothing"}
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">Reason</dt>
              <dd>{restore.reason}</dd>
              <dt className="text-slate-600 dark:text-slate-400">Why approval is needed</dt>
              <dd>
                <ul className="list-disc pl-5">
                  {restore.riskReasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </dd>
            </dl>
            {can(approver, "reset:approve", {
              kind: "contact-restore",
              requestedById: restore.requestedBy.id,
            }) ? (
              <div className="grid gap-4 md:grid-cols-2">
                <DecisionForm kind="restore" id={restore.id} decision="approve" />
                <DecisionForm kind="restore" id={restore.id} decision="reject" />
              </div>
            ) : (
              <Alert tone="info">You requested this, so another supervisor must decide.</Alert>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
