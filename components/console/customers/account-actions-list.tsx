import type { AccountActionRow } from "@/lib/account-actions/outbound";
import { ACTION_LABELS } from "@/lib/account-actions/labels";
import { humanise } from "@/lib/customers/labels";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";

/** What the desk decided on the account, and how far each action has got with the identity system. */
export function AccountActionsList({ actions, timeZone }: { actions: AccountActionRow[]; timeZone: string }) {
  if (actions.length === 0) return null;
  return (
    <div className="space-y-1">
      <h3 className="font-semibold">Account actions</h3>
      <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="account-actions">
        {actions.map((action) => (
          <li key={action.id} className="flex flex-wrap items-center gap-2 py-2">
            <span className="font-medium">{ACTION_LABELS[action.kind]}</span>
            <span className="text-slate-600 dark:text-slate-400">
              by {action.decidedBy ?? "the desk"} ·{" "}
              <Time date={action.createdAt} timeZone={timeZone} relative />
            </span>
            <Badge tone="amber">
              {action.status === "DECIDED"
                ? "Recorded in the desk · no identity system connected to carry it out"
                : humanise(action.status)}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
