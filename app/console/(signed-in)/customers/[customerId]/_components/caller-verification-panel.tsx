// "Verify the caller" on the customer page and the reset page: the latest confirmation request and
// its answer (kept current by polling while it waits), the form to send one, and the block a "No"
// put on resets with the supervisor's form to clear it.
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { StatusWatcher } from "@/components/console/status-watcher";
import { Time } from "@/components/console/time";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import {
  callerVerificationPanel,
  type CallerVerificationView,
  type VerificationStatus,
} from "@/lib/caller-verification/caller-verification";
import { verificationContacts } from "@/lib/caller-verification/contacts";
import { appPromptsAvailable } from "@/lib/integrations/endpoints";
import type { ContactTrust } from "@/lib/customers/contact-trust";
import type { Tone } from "@/lib/format/tone";
import {
  CancelVerificationForm,
  ClearResetBlockForm,
  VerifyCallerForm,
  type ContactOption,
} from "./caller-verification-forms";

const STATUS: Record<VerificationStatus, { label: string; tone: Tone }> = {
  PENDING: { label: "Waiting for the customer", tone: "blue" },
  CONFIRMED: { label: "Confirmed", tone: "green" },
  DECLINED: { label: "Declined: not the customer", tone: "red" },
  EXPIRED: { label: "Expired: no answer", tone: "amber" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

const CONTACT_LABELS: Record<string, string> = {
  app: "Prompt in the customer's app (through the identity system)",
  email: "Email on file",
  phone: "Text to the phone number on file",
  "previous-email": "The email replaced recently",
  "previous-phone": "Text to the phone number replaced recently",
};

function Outcome({ latest, timeZone }: { latest: CallerVerificationView; timeZone: string }) {
  const sent =
    latest.channel === "APP"
      ? "Sent as a prompt to the customer's app"
      : `Sent by ${latest.channel === "EMAIL" ? "email" : "text message"} to ${latest.destinationHint}`;
  const from = latest.channel === "APP" ? "the customer's app" : `the contact ${latest.destinationHint}`;
  switch (latest.status) {
    case "PENDING":
      return (
        <p>
          {sent} by {latest.requestedBy.name} <Time date={latest.createdAt} timeZone={timeZone} relative />;
          the link works until <Time date={latest.expiresAt} timeZone={timeZone} />. This page updates when
          the customer answers.
        </p>
      );
    case "CONFIRMED":
      return (
        <p>
          The customer confirmed at{" "}
          {latest.answeredAt ? <Time date={latest.answeredAt} timeZone={timeZone} /> : "an unknown time"} from{" "}
          {from}
          {latest.usedByResetId ? "; a reset has used this confirmation." : "."}
        </p>
      );
    case "DECLINED":
      return (
        <p>
          The customer said they did not contact us (
          {latest.answeredAt ? <Time date={latest.answeredAt} timeZone={timeZone} /> : "time unknown"}, from{" "}
          {from}). Treat the caller as an impostor: end the call politely, do not change anything on the
          account.
        </p>
      );
    case "EXPIRED":
      return (
        <p>
          No answer from {from} before <Time date={latest.expiresAt} timeZone={timeZone} />. A caller who
          cannot open the link on the customer&apos;s own contact may not be the customer.
        </p>
      );
    case "CANCELLED":
      return <p>Cancelled before the customer answered ({latest.destinationHint}).</p>;
  }
}

export async function CallerVerificationPanel({
  customerId,
  staff,
  trust,
  defaultPurpose = "FACTOR_RESET",
}: {
  customerId: string;
  staff: CurrentStaff;
  trust: ContactTrust | null;
  defaultPurpose?: "FACTOR_RESET" | "ACCOUNT_HELP";
}) {
  const [{ latest, block }, appPrompts] = await Promise.all([
    callerVerificationPanel(customerId),
    appPromptsAvailable(),
  ]);
  const contacts: ContactOption[] = trust
    ? verificationContacts(trust, appPrompts).map((contact) => ({
        choice: contact.choice,
        label:
          contact.channel === "APP"
            ? (CONTACT_LABELS.app ?? "")
            : `${CONTACT_LABELS[contact.choice] ?? contact.choice}: ${contact.masked}`,
        refusal: contact.refusal,
      }))
    : [];
  const tz = staff.timeZone;
  return (
    <section
      aria-labelledby="verify-caller-title"
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      data-testid="caller-verification"
    >
      <h2 id="verify-caller-title" className="text-lg font-semibold">
        Verify the caller
      </h2>
      {block ? (
        <Alert tone="error" title="Resets are blocked: the customer said it was not them">
          <p>
            Since <Time date={block.at} timeZone={tz} />. {block.reason} Only a supervisor can clear this,
            after reviewing the compromised-account case.
          </p>
          {can(staff, "reset:unblock") ? (
            <div className="mt-3">
              <ClearResetBlockForm customerId={customerId} />
            </div>
          ) : null}
        </Alert>
      ) : null}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The desk asks the customer, on a contact they still hold, whether it is them on the phone. They answer
        on their own device; never ask the caller for a code.
      </p>
      {latest ? (
        <div className="space-y-2" data-testid="caller-verification-status">
          <Badge tone={STATUS[latest.status].tone}>{STATUS[latest.status].label}</Badge>
          <Outcome latest={latest} timeZone={tz} />
          {latest.status === "PENDING" ? (
            <>
              <StatusWatcher
                url={`/console/customers/${customerId}/caller-verification`}
                statuses={{ [latest.id]: latest.status }}
              />
              {can(staff, "caller:verify") ? (
                <CancelVerificationForm customerId={customerId} verificationId={latest.id} />
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      {latest?.status !== "PENDING" && can(staff, "caller:verify") ? (
        contacts.some((contact) => contact.refusal === null) ? (
          <VerifyCallerForm customerId={customerId} contacts={contacts} defaultPurpose={defaultPurpose} />
        ) : (
          <Alert tone="warning">
            No contact on file can be trusted for this: every one was changed recently. Verify the caller
            another way; a supervisor must approve.
          </Alert>
        )
      ) : null}
    </section>
  );
}
