import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { listActiveFactors, viewCustomerSubPage } from "@/lib/customers/customer-overview";
import { resetRiskReasons } from "@/lib/resets/risk-gate";
import { Alert } from "@/components/ui/alert";
import { CustomerHeader } from "@/components/console/customers/customer-header";
import { FACTOR_LABELS } from "@/lib/customers/labels";
import { ResetForm, type VerificationOption } from "../_components/reset-form";
import { loadContactTrust } from "@/lib/customers/contact-trust-data";
import { listPendingResets, verificationRefusal } from "@/lib/resets/factor-resets";
import { VERIFICATION_LABELS, VERIFICATION_METHODS } from "@/lib/resets/schemas";
import { callerVerificationPanel, confirmationRefusal } from "@/lib/caller-verification/caller-verification";
import { env } from "@/lib/env";
import { CallerVerificationPanel } from "../_components/caller-verification-panel";

export const metadata: Metadata = { title: "Reset two-step verification" };

export default async function ResetPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<{ case?: string }>;
}) {
  const ctx = await requireStaffContext("reset:request");
  const customer = await viewCustomerSubPage(ctx, (await params).customerId, "reset");
  if (!customer) notFound();
  const caseParam = (await searchParams).case;
  const [factors, riskReasons, trust, pending, verification] = await Promise.all([
    listActiveFactors(customer.id),
    resetRiskReasons(customer.id),
    loadContactTrust(customer.id),
    listPendingResets(customer.id),
    callerVerificationPanel(customer.id),
  ]);
  // The customer's "Yes" counts when it answered this agent's request to reset, recently, unused.
  const latest = verification.latest;
  const confirmation =
    latest &&
    confirmationRefusal(
      {
        customerId: customer.id,
        requestedById: latest.requestedBy.id,
        status: latest.status,
        purpose: latest.purpose,
        answeredAt: latest.answeredAt,
        used: latest.usedByResetId !== null,
      },
      { customerId: customer.id, staffId: ctx.staff.id, now: new Date() },
    ) === null
      ? latest
      : null;
  const verificationRequired = env().CALLER_VERIFICATION_REQUIRED === "1";
  // The replaced-number callback appears only when there is a replaced number to call.
  const methods = VERIFICATION_METHODS.flatMap((method): VerificationOption[] => {
    if (method === "CONFIRMED_BY_CUSTOMER")
      return [
        {
          method,
          label: confirmation
            ? `The customer confirmed on their own device (${confirmation.destinationHint})`
            : VERIFICATION_LABELS[method],
          refusal: confirmation
            ? null
            : "Send the customer a confirmation request (Verify the caller, above) and wait for their yes.",
        },
      ];
    const refusal = trust ? verificationRefusal(trust, method) : null;
    if (method === "CALLBACK_PREVIOUS_NUMBER" && refusal) return [];
    const needsSupervisor =
      method === "DOCUMENT_CHECK" || method === "OTHER" || verificationRequired
        ? " · a supervisor approves"
        : "";
    return [{ method, label: `${VERIFICATION_LABELS[method]}${needsSupervisor}`, refusal }];
  });
  return (
    <div className="max-w-3xl space-y-6">
      <CustomerHeader customer={customer} current="overview" />
      <h2 className="text-xl font-bold">Reset two-step verification</h2>
      <Alert tone="error" title="Support never asks for a one-time code">
        Do not ask the caller for a code, and do not accept one if they offer it: a caller who reads out a
        code may be a scammer who is trying to get into this account right now. Verify the person another way
        below.
      </Alert>
      <CallerVerificationPanel customerId={customer.id} staff={ctx.staff} trust={trust} />
      {riskReasons.length > 0 ? (
        <Alert tone="warning" title="This account shows risk: a supervisor must approve this reset">
          <ul className="list-disc pl-5">
            {riskReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {verification.block ? null : pending.length > 0 ? (
        <Alert tone="info" title="A reset is already waiting for a supervisor">
          {pending[0]?.requestedBy.name} asked for it; a supervisor decides it in Approvals. Another request
          would be refused until then.
        </Alert>
      ) : factors.length === 0 ? (
        <Alert tone="info">This customer has no second factor to remove.</Alert>
      ) : (
        <ResetForm
          customerId={customer.id}
          caseId={caseParam && /^[0-9a-f-]{36}$/.test(caseParam) ? caseParam : undefined}
          methods={methods}
          callerVerificationId={confirmation?.id}
          defaultMethod={confirmation ? "CONFIRMED_BY_CUSTOMER" : undefined}
          factors={factors.map((factor) => ({
            id: factor.id,
            description: `${FACTOR_LABELS[factor.type] ?? factor.type}: ${factor.label}${factor.destinationMasked ? ` (${factor.destinationMasked})` : ""}`,
          }))}
        />
      )}
    </div>
  );
}
