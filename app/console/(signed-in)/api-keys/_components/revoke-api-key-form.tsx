"use client";

import { revokeApiKeyAction } from "../actions";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";

export function RevokeApiKeyForm({ keyId, name }: { keyId: string; name: string }) {
  const id = `revoke-${keyId}-reason`;
  return (
    <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <summary className="cursor-pointer text-sm font-medium">Revoke {name}</summary>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Requests with this key are refused at once. This cannot be undone.
      </p>
      <ActionForm
        action={revokeApiKeyAction}
        submitLabel="Revoke key"
        pendingLabel="Revoking…"
        variant="danger"
        className="mt-3"
      >
        {(state) => (
          <>
            <input type="hidden" name="keyId" value={keyId} />
            <Field
              id={id}
              label="Reason"
              hint="Recorded in the audit log."
              errors={state.fieldErrors?.reason}
            >
              {(describedBy, invalid) => (
                <TextInput id={id} name="reason" aria-describedby={describedBy} aria-invalid={invalid} />
              )}
            </Field>
          </>
        )}
      </ActionForm>
    </details>
  );
}
