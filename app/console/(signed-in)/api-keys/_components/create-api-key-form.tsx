"use client";

import { API_SCOPES } from "@/lib/api-keys/scopes";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { ShownOnce } from "@/components/console/shown-once";
import { createApiKeyAction } from "../actions";

/** The new key, shown this once: the desk keeps only its hash. */
function NewApiKey({ name, apiKey }: { name: string; apiKey: string }) {
  return (
    <ShownOnce
      title="Store this key now: you will not see it again"
      value={apiKey}
      copyLabel="Copy key"
      testId="new-api-key"
    >
      <p>
        Copy the key for <strong>{name}</strong> into the identity system&apos;s secret store now. The desk
        keeps only a hash of it, so nobody can show it to you again; if it is lost, revoke it and create a new
        one. Never paste it into tickets or chat.
      </p>
    </ShownOnce>
  );
}

export function CreateApiKeyForm() {
  return (
    <ActionForm
      action={createApiKeyAction}
      submitLabel="Create key"
      pendingLabel="Creating…"
      renderResult={(data) => <NewApiKey name={data.name} apiKey={data.key} />}
    >
      {(state) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="api-key-name"
            label="Name"
            hint="The system that will use it, e.g. “Identity system (production)”."
            errors={state.fieldErrors?.name}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="api-key-name"
                name="name"
                maxLength={80}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field
            id="api-key-reason"
            label="Reason"
            hint="Recorded in the audit log."
            errors={state.fieldErrors?.reason}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="api-key-reason"
                name="reason"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <fieldset
            className="sm:col-span-2"
            aria-describedby={state.fieldErrors?.scopes ? "api-key-scopes-error" : undefined}
          >
            <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Scopes</legend>
            <ul className="mt-2 space-y-2">
              {API_SCOPES.map((scope) => (
                <li key={scope.value} className="flex items-start gap-2">
                  <input
                    id={`api-key-scope-${scope.value}`}
                    type="checkbox"
                    name="scopes"
                    value={scope.value}
                    defaultChecked={scope.value === "EVENTS_WRITE"}
                    className="mt-1 size-4"
                  />
                  <label htmlFor={`api-key-scope-${scope.value}`} className="text-sm">
                    <code className="font-mono font-semibold">{scope.label}</code>
                    <span className="block text-slate-600 dark:text-slate-400">{scope.description}</span>
                  </label>
                </li>
              ))}
            </ul>
            {state.fieldErrors?.scopes ? (
              <p
                id="api-key-scopes-error"
                className="mt-1 text-sm font-medium text-red-700 dark:text-red-400"
              >
                {state.fieldErrors.scopes.join(" ")}
              </p>
            ) : null}
          </fieldset>
        </div>
      )}
    </ActionForm>
  );
}
