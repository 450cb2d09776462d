"use client";

import Link from "next/link";
import { decideResetAction, decideRestoreAction } from "../actions";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";

type Outcome = { customerId?: string; caseId?: string | null };

/** After the decision: where to go next, so the supervisor sees what happened to whom. */
function NextLinks({ outcome }: { outcome: Outcome }) {
  return (
    <p className="flex flex-wrap gap-4 text-sm" data-testid="decision-links">
      {outcome.customerId ? (
        <Link
          href={`/console/customers/${outcome.customerId}`}
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          Open the customer
        </Link>
      ) : null}
      {outcome.caseId ? (
        <Link
          href={`/console/cases/${outcome.caseId}`}
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          Open the case
        </Link>
      ) : null}
    </p>
  );
}

export function DecisionForm({
  kind = "reset",
  id,
  decision,
}: {
  kind?: "reset" | "restore";
  id: string;
  decision: "approve" | "reject";
}) {
  const fieldId = `${decision}-${id}-note`;
  const fields = (errors?: string[]) => (
    <>
      <input type="hidden" name={kind === "reset" ? "resetId" : "restoreId"} value={id} />
      <input type="hidden" name="decision" value={decision} />
      <Field
        id={fieldId}
        label={decision === "approve" ? "Note (optional)" : "Why reject? (optional)"}
        errors={errors}
      >
        {(describedBy) => <TextInput id={fieldId} name="note" aria-describedby={describedBy} />}
      </Field>
    </>
  );
  const submitLabel =
    decision === "reject" ? "Reject" : kind === "reset" ? "Approve and reset" : "Approve and restore";
  const variant = decision === "approve" ? "danger" : "secondary";
  return kind === "reset" ? (
    <ActionForm
      action={decideResetAction}
      submitLabel={submitLabel}
      variant={variant}
      renderResult={(outcome) => <NextLinks outcome={outcome} />}
    >
      {(state) => fields(state.fieldErrors?.note)}
    </ActionForm>
  ) : (
    <ActionForm
      action={decideRestoreAction}
      submitLabel={submitLabel}
      variant={variant}
      renderResult={(outcome) => <NextLinks outcome={outcome} />}
    >
      {(state) => fields(state.fieldErrors?.note)}
    </ActionForm>
  );
}
