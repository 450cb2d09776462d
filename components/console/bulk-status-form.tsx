"use client";

import type { ActionState } from "@/lib/forms/action-state";
import { ActionForm } from "@/components/console/action-form";
import { Field, Select, TextInput } from "@/components/ui/field";

type Action = (
  state: ActionState<{ count: number }>,
  formData: FormData,
) => Promise<ActionState<{ count: number }>>;

/**
 * Changes the status of the rows ticked in a list. The row checkboxes belong to the page's bulk-assign
 * form (a checkbox joins one form), so this form adds the ticked ones to what it sends.
 */
export function BulkStatusForm({
  action,
  idsName,
  selectForm,
  statuses,
  noun,
  outcome = false,
}: {
  action: Action;
  /** The ids' field name ("caseIds", "reportIds"). */
  idsName: string;
  /** The form the row checkboxes belong to. */
  selectForm: string;
  statuses: readonly { value: string; label: string }[];
  /** "cases", "reports". */
  noun: string;
  /** Ask for an outcome (cases need one to close). */
  outcome?: boolean;
}) {
  const addTicked = (formData: FormData) => {
    const ticked = document.querySelectorAll<HTMLInputElement>(
      `input[type="checkbox"][form="${selectForm}"][name="${idsName}"]:checked`,
    );
    for (const box of ticked) formData.append(idsName, box.value);
  };
  return (
    <section
      aria-labelledby={`bulk-status-${idsName}`}
      className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={`bulk-status-${idsName}`} className="mb-3 font-semibold">
        Change the status of the ticked {noun}
      </h2>
      <ActionForm action={action} submitLabel="Change status" beforeSubmit={addTicked}>
        {(state) => (
          <>
            <Field id={`bulk-status-${idsName}-status`} label="New status" errors={state.fieldErrors?.status}>
              {(describedBy, invalid) => (
                <Select
                  id={`bulk-status-${idsName}-status`}
                  name="status"
                  defaultValue=""
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                >
                  <option value="">Choose a status</option>
                  {statuses.map((status) => (
                    <option key={status.value} value={status.value}>
                      {status.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {outcome ? (
              <Field
                id={`bulk-status-${idsName}-outcome`}
                label="Outcome (needed to close)"
                errors={state.fieldErrors?.outcome}
              >
                {(describedBy, invalid) => (
                  <TextInput
                    id={`bulk-status-${idsName}-outcome`}
                    name="outcome"
                    maxLength={1_000}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
            ) : null}
            {state.fieldErrors?.[idsName] ? (
              <p className="text-sm text-red-700 dark:text-red-400">
                {state.fieldErrors[idsName]?.join(" ")}
              </p>
            ) : null}
          </>
        )}
      </ActionForm>
    </section>
  );
}
