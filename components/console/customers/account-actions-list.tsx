import type { AccountActionRow, ActionDeliveryState } from "@/lib/account-actions/outbound";
import { ACTION_LABELS } from "@/lib/account-actions/labels";
import type { Tone } from "@/lib/format/tone";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { StatusWatcher } from "@/components/console/status-watcher";

const STATUS: Record<AccountActionRow["status"], { label: string; tone: Tone }> = {
  DECIDED: { label: "Decided", tone: "neutral" },
  SENT: { label: "Sent", tone: "blue" },
  CONFIRMED: { label: "Confirmed", tone: "green" },
  FAILING: { label: "Failing", tone: "red" },
};

function DeliveryLine({ delivery, timeZone }: { delivery: ActionDeliveryState; timeZone: string }) {
  switch (delivery.status) {
    case "DELIVERED":
      return (
        <>
          Confirmed by {delivery.endpoint}
          {delivery.deliveredAt ? (
            <>
              {" "}
              at <Time date={delivery.deliveredAt} timeZone={timeZone} />
            </>
          ) : null}
          .
        </>
      );
    case "PENDING":
      return <>Waiting to be sent to {delivery.endpoint}.</>;
    case "FAILING":
      return (
        <>
          Not accepted by {delivery.endpoint} yet: attempt {delivery.attempts} failed
          {delivery.lastError ? ` (${delivery.lastError})` : ""}; next try{" "}
          <Time date={delivery.nextAttemptAt} timeZone={timeZone} relative />. Until then the change is in the
          desk only.
        </>
      );
    case "DEAD":
      return (
        <>
          Not delivered to {delivery.endpoint}: gave up after {delivery.attempts} attempts
          {delivery.lastError ? ` (${delivery.lastError})` : ""}. An admin can retry it from Integrations;
          carry it out in the identity system by hand meanwhile.
        </>
      );
  }
}

/** Whether the page should keep asking how the actions stand (something is still on its way). */
function unsettled(action: AccountActionRow): boolean {
  return action.deliveries.some((delivery) => delivery.status === "PENDING" || delivery.status === "FAILING");
}

/** What the desk decided on the account, and how far each action has got with the identity system. */
export function AccountActionsList({
  customerId,
  actions,
  timeZone,
  headingLevel = 3,
}: {
  customerId: string;
  actions: AccountActionRow[];
  timeZone: string;
  /** 3 inside a section of the customer page; 2 on the case page, right under its title. */
  headingLevel?: 2 | 3;
}) {
  if (actions.length === 0) return null;
  const watching = actions.some(unsettled);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-1">
      <Heading className={headingLevel === 2 ? "text-lg font-semibold" : "font-semibold"}>
        Account actions
      </Heading>
      <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="account-actions">
        {actions.map((action) => (
          <li key={action.id} className="space-y-1 py-2" data-status={action.status}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{ACTION_LABELS[action.kind]}</span>
              <span className="text-slate-600 dark:text-slate-400">
                by {action.decidedBy ?? "the desk"} ·{" "}
                <Time date={action.createdAt} timeZone={timeZone} relative />
              </span>
              {action.deliveries.length === 0 ? (
                <Badge tone="amber">
                  Recorded in the desk only · no identity system connected to carry it out
                </Badge>
              ) : (
                <Badge tone={STATUS[action.status].tone}>{STATUS[action.status].label}</Badge>
              )}
            </div>
            {action.deliveries.length > 0 ? (
              <ul className="text-slate-700 dark:text-slate-300">
                {action.deliveries.map((delivery) => (
                  <li key={delivery.endpoint}>
                    <DeliveryLine delivery={delivery} timeZone={timeZone} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {watching ? (
        <StatusWatcher
          url={`/console/customers/${customerId}/account-actions`}
          statuses={Object.fromEntries(actions.map((action) => [action.id, action.status]))}
        />
      ) : null}
    </div>
  );
}
