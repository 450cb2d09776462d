"use client";

import { requestResetAction } from "../actions";
import { Alert } from "@/components/ui/alert";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";

type Factor = { id: string; description: string };
/** A way to verify the caller; `refusal` says why it cannot prove anything on this account now. */
export type VerificationOption = { method: string; label: string; refusal: string | null };

export function ResetForm({
  customerId,
  caseId,
  factors,
  methods,
  callerVerificationId,
  defaultMethod,
}: {
  customerId: string;
  caseId?: string;
  factors: Factor[];
  methods: VerificationOption[];
  /** The confirmation request the customer said yes to, when there is one this reset may use. */
  callerVerificationId?: string;
  defaultMethod?: string;
}) {
  return (
    <ActionForm action={requestResetAction} submitLabel="Request the reset" variant="danger">
      {(state) =>
        state.status === "ok" ? null : (
          <>
            <input type="hidden" name="customerId" value={customerId} />
            {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
            {callerVerificationId ? (
              <input type="hidden" name="callerVerificationId" value={callerVerificationId} />
            ) : null}
            <fieldset
              className="space-y-2"
              aria-describedby={state.fieldErrors?.factorIds ? "factors-error" : undefined}
            >
              <legend className="font-semibold">Sign-in methods to remove</legend>
              {factors.map((factor) => (
                <label key={factor.id} className="flex items-center gap-2">
                  <input type="checkbox" name="factorIds" value={factor.id} className="size-4" />{" "}
                  {factor.description}
                </label>
              ))}
              {state.fieldErrors?.factorIds ? (
                <p id="factors-error" className="text-sm font-medium text-red-700 dark:text-red-400">
                  {state.fieldErrors.factorIds.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <fieldset
              className="space-y-2"
              aria-describedby={state.fieldErrors?.verificationMethod ? "verification-error" : undefined}
            >
              <legend className="font-semibold">How did you verify it is the customer?</legend>
              {methods.map((option) => (
                <div key={option.method}>
                  <label className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="verificationMethod"
                      value={option.method}
                      defaultChecked={option.method === defaultMethod}
                      disabled={option.refusal !== null}
                      aria-describedby={option.refusal ? `refusal-${option.method}` : undefined}
                      className="size-4"
                    />{" "}
                    <span className={option.refusal ? "text-slate-500 line-through" : undefined}>
                      {option.label}
                    </span>
                  </label>
                  {option.refusal ? (
                    <p
                      id={`refusal-${option.method}`}
                      className="ml-6 text-sm font-medium text-amber-800 dark:text-amber-300"
                    >
                      {option.refusal}
                    </p>
                  ) : null}
                </div>
              ))}
              {state.fieldErrors?.verificationMethod ? (
                <p id="verification-error" className="text-sm font-medium text-red-700 dark:text-red-400">
                  {state.fieldErrors.verificationMethod.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <Field
              id="verificationDetail"
              label="Verification details"
              hint="Needed for a document check and for 'Other'. For example: called back +44 ••• 123 at 14:05."
              errors={state.fieldErrors?.verificationDetail}
            >
              {(describedBy, invalid) => (
                <TextInput
                  id="verificationDetail"
                  name="verificationDetail"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field
              id="reason"
              label="Reason"
              hint="Why the reset is needed; recorded in the audit log."
              errors={state.fieldErrors?.reason}
            >
              {(describedBy, invalid) => (
                <TextInput id="reason" name="reason" aria-describedby={describedBy} aria-invalid={invalid} />
              )}
            </Field>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="revokeSessions" defaultChecked className="size-4" /> End every
              session of the customer (recommended)
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="forcePasswordReset" className="size-4" /> Require a new password at
              next sign-in
            </label>
            <Alert tone="info">
              Afterwards the customer sets up a new method themselves at their next sign-in. You do not choose
              it and never see it.
            </Alert>
          </>
        )
      }
    </ActionForm>
  );
}
