"use client";

import { useId } from "react";
import type { RevealedField } from "@/lib/customers/customer-overview";
import type { RevealableField } from "@/lib/customers/schemas";
import { revealCustomerFieldAction } from "../actions";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { CopyButton } from "@/components/console/copy-button";

/**
 * A masked detail with a "reveal" disclosure that asks for a reason and step-up. By itself it is a
 * labelled term of a description list; `bare` renders only the value (the caller has the label).
 */
export function RevealField({
  customerId,
  field,
  attemptId,
  masked,
  label,
  bare = false,
}: {
  customerId: string;
  field: RevealableField;
  /** For field "login": the sign-in attempt whose typed login to reveal. */
  attemptId?: string;
  masked: string;
  label: string;
  bare?: boolean;
}) {
  const id = useId();
  const value = (
    <>
      <span className="font-mono" data-testid={`masked-${field}`}>
        {masked}
      </span>
      <details className="mt-1">
        <summary className="cursor-pointer text-sm text-blue-700 underline dark:text-blue-300">
          Reveal {label.toLowerCase()}
        </summary>
        <ActionForm<RevealedField>
          action={revealCustomerFieldAction}
          submitLabel={`Reveal ${label.toLowerCase()}`}
          variant="secondary"
          className="mt-2"
          renderResult={(data) => (
            <p className="flex items-center gap-2">
              <span className="font-mono text-base" data-testid={`revealed-${field}`}>
                {data.value}
              </span>
              <CopyButton value={data.value} />
            </p>
          )}
        >
          {(state) =>
            state.status === "ok" ? null : (
              <>
                <input type="hidden" name="customerId" value={customerId} />
                <input type="hidden" name="field" value={field} />
                {attemptId ? <input type="hidden" name="attemptId" value={attemptId} /> : null}
                <Field
                  id={`${id}-reason`}
                  label="Why do you need it?"
                  hint="For example the ticket number. Recorded in the audit log."
                  errors={state.fieldErrors?.reason}
                >
                  {(describedBy, invalid) => (
                    <TextInput
                      id={`${id}-reason`}
                      name="reason"
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                    />
                  )}
                </Field>
              </>
            )
          }
        </ActionForm>
      </details>
    </>
  );
  if (bare) return <div>{value}</div>;
  return (
    <div>
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
