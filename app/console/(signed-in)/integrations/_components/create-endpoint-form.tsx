"use client";

import { ACTION_LABELS, ACCOUNT_ACTION_KINDS } from "@/lib/account-actions/labels";
import { Field, Select, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { ShownOnce } from "@/components/console/shown-once";
import { createEndpointAction } from "../actions";

export type PollKeyOption = { id: string; label: string };

/** The endpoint's signing secret, shown this once: the identity system verifies deliveries with it. */
export function NewEndpointSecret({ name, secret }: { name: string; secret: string }) {
  return (
    <ShownOnce
      title="Store this secret now: you will not see it again"
      value={secret}
      copyLabel="Copy secret"
      testId="new-endpoint-secret"
    >
      <p>
        Put the secret for <strong>{name}</strong> into the identity system&apos;s configuration. It checks
        every delivery&apos;s <code className="font-mono">webhook-signature</code> with it (any Standard
        Webhooks library does). Never paste it into tickets or chat.
      </p>
    </ShownOnce>
  );
}

export function CreateEndpointForm({ pollKeys }: { pollKeys: PollKeyOption[] }) {
  return (
    <ActionForm
      action={createEndpointAction}
      submitLabel="Add endpoint"
      pendingLabel="Adding…"
      renderResult={(data) =>
        data.secret ? <NewEndpointSecret name={data.name} secret={data.secret} /> : null
      }
    >
      {(state) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="endpoint-name"
            label="Name"
            hint="The receiving system, e.g. “Identity system (production)”."
            errors={state.fieldErrors?.name}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="endpoint-name"
                name="name"
                maxLength={80}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field id="endpoint-format" label="Delivery" errors={state.fieldErrors?.format}>
            {(describedBy, invalid) => (
              <Select
                id="endpoint-format"
                name="format"
                defaultValue="STANDARD_WEBHOOKS"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="STANDARD_WEBHOOKS">Standard Webhooks (the desk POSTs each action)</option>
                <option value="SSF_PUSH">OpenID Shared Signals (signed Security Event Tokens, pushed)</option>
                <option value="POLL">Poll (the identity system fetches GET /api/v1/actions)</option>
              </Select>
            )}
          </Field>
          <Field
            id="endpoint-url"
            label="URL (webhooks)"
            hint="https:// in production; private and loopback addresses are refused."
            errors={state.fieldErrors?.url}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="endpoint-url"
                name="url"
                type="url"
                inputMode="url"
                placeholder="https://idp.example.com/desk-events"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field
            id="endpoint-key"
            label="The identity system's API key"
            hint="Poll: the key it polls with (actions:read), required. Webhooks and Shared Signals, optional: the key its directory events come with (directory:write); those events then confirm its actions too. Keys are made on the API keys page."
            errors={state.fieldErrors?.apiKeyId}
          >
            {(describedBy, invalid) => (
              <Select
                id="endpoint-key"
                name="apiKeyId"
                defaultValue=""
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="">—</option>
                {pollKeys.map((key) => (
                  <option key={key.id} value={key.id}>
                    {key.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <fieldset
            className="sm:col-span-2"
            aria-describedby={state.fieldErrors?.actionKinds ? "endpoint-kinds-error" : "endpoint-kinds-hint"}
          >
            <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
              Actions it receives
            </legend>
            <p id="endpoint-kinds-hint" className="text-sm text-slate-600 dark:text-slate-400">
              Tick none to receive every kind, including kinds added later.
            </p>
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {ACCOUNT_ACTION_KINDS.map((kind) => (
                <li key={kind} className="flex items-center gap-2">
                  <input
                    id={`endpoint-kind-${kind}`}
                    type="checkbox"
                    name="actionKinds"
                    value={kind}
                    className="size-4"
                  />
                  <label htmlFor={`endpoint-kind-${kind}`} className="text-sm">
                    {ACTION_LABELS[kind]}
                  </label>
                </li>
              ))}
            </ul>
            {state.fieldErrors?.actionKinds ? (
              <p
                id="endpoint-kinds-error"
                className="mt-1 text-sm font-medium text-red-700 dark:text-red-400"
              >
                {state.fieldErrors.actionKinds.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <Field
            id="endpoint-reason"
            label="Reason"
            hint="Recorded in the audit log."
            errors={state.fieldErrors?.reason}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="endpoint-reason"
                name="reason"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
        </div>
      )}
    </ActionForm>
  );
}
