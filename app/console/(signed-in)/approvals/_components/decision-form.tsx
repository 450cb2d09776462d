"use client";

import { decideResetAction } from "../actions";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";

export function DecisionForm({ resetId, decision }: { resetId: string; decision: "approve" | "reject" }) {
  return (
    <ActionForm
      action={decideResetAction}
      submitLabel={decision === "approve" ? "Approve and reset" : "Reject"}
      variant={decision === "approve" ? "danger" : "secondary"}
    >
      {(state) => (
        <>
          <input type="hidden" name="resetId" value={resetId} />
          <input type="hidden" name="decision" value={decision} />
          <Field
            id={`${decision}-${resetId}-note`}
            label={decision === "approve" ? "Note (optional)" : "Why reject? (optional)"}
            errors={state.fieldErrors?.note}
          >
            {(describedBy) => (
              <TextInput id={`${decision}-${resetId}-note`} name="note" aria-describedby={describedBy} />
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
