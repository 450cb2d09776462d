"use client";

import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import {
  pauseEndpointAction,
  removeEndpointAction,
  rotateSecretAction,
  testDeliveryAction,
} from "../actions";
import { NewEndpointSecret } from "./create-endpoint-form";

/** A reason field for the forms that need one (recorded in the audit log). */
function ReasonField({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <Field id={id} label="Reason" hint="Recorded in the audit log." errors={errors}>
      {(describedBy, invalid) => (
        <TextInput id={id} name="reason" aria-describedby={describedBy} aria-invalid={invalid} />
      )}
    </Field>
  );
}

export function EndpointControls({
  endpointId,
  paused,
  pushes,
}: {
  endpointId: string;
  paused: boolean;
  /** Webhook endpoints have a secret and take test deliveries; poll endpoints do neither. */
  pushes: boolean;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {pushes ? (
        <ActionForm
          action={testDeliveryAction}
          submitLabel="Send a test delivery"
          pendingLabel="Sending…"
          variant="secondary"
        >
          <input type="hidden" name="endpointId" value={endpointId} />
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Sends a signed <code className="font-mono">desk.test</code> event now and shows the answer.
          </p>
        </ActionForm>
      ) : null}
      <ActionForm
        action={pauseEndpointAction}
        submitLabel={paused ? "Resume deliveries" : "Pause deliveries"}
        pendingLabel="Saving…"
        variant="secondary"
      >
        <input type="hidden" name="endpointId" value={endpointId} />
        <input type="hidden" name="paused" value={paused ? "0" : "1"} />
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {paused
            ? "Actions decided while paused are waiting; resuming sends them, oldest first."
            : "While paused, actions wait in the queue (nothing is lost) and show as not yet sent."}
        </p>
      </ActionForm>
      {pushes ? (
        <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <summary className="cursor-pointer text-sm font-medium">Rotate the signing secret</summary>
          <ActionForm
            action={rotateSecretAction}
            submitLabel="Rotate secret"
            pendingLabel="Rotating…"
            className="mt-3"
            renderResult={(data) =>
              data.secret ? <NewEndpointSecret name={data.name} secret={data.secret} /> : null
            }
          >
            {(state) => (
              <>
                <input type="hidden" name="endpointId" value={endpointId} />
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  Deliveries are signed with both the new and the old secret for 24 hours, so the identity
                  system can switch over without missing one.
                </p>
                <ReasonField id="rotate-reason" errors={state.fieldErrors?.reason} />
              </>
            )}
          </ActionForm>
        </details>
      ) : null}
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
        <summary className="cursor-pointer text-sm font-medium">Remove this endpoint</summary>
        <ActionForm
          action={removeEndpointAction}
          submitLabel="Remove endpoint"
          pendingLabel="Removing…"
          variant="danger"
          className="mt-3"
        >
          {(state) => (
            <>
              <input type="hidden" name="endpointId" value={endpointId} />
              <p className="text-sm text-slate-700 dark:text-slate-300">
                Nothing more is sent to it; actions it has not received are marked as never delivered.
              </p>
              <ReasonField id="remove-reason" errors={state.fieldErrors?.reason} />
            </>
          )}
        </ActionForm>
      </details>
    </div>
  );
}
