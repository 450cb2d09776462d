"use client";

import { ActionForm } from "@/components/console/action-form";
import { Field, Select } from "@/components/ui/field";
import { bulkAssignCasesAction } from "../actions";

const BULK_ASSIGN_FORM = "bulk-assign";

/** Assigns the cases ticked in the table (their checkboxes join this form by its id). */
export function BulkAssignForm({ staff }: { staff: { id: string; name: string }[] }) {
  return (
    <section
      aria-labelledby="bulk-assign-title"
      className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="bulk-assign-title" className="mb-3 font-semibold">
        Assign the ticked cases
      </h2>
      <ActionForm action={bulkAssignCasesAction} formId={BULK_ASSIGN_FORM} submitLabel="Assign ticked cases">
        {(state) => (
          <>
            <Field id="bulk-assignee" label="Assign to" errors={state.fieldErrors?.assigneeId}>
              {(describedBy, invalid) => (
                <Select
                  id="bulk-assignee"
                  name="assigneeId"
                  defaultValue=""
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                >
                  <option value="">Choose someone</option>
                  {staff.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {state.fieldErrors?.caseIds ? (
              <p className="text-sm text-red-700 dark:text-red-400">{state.fieldErrors.caseIds.join(" ")}</p>
            ) : null}
          </>
        )}
      </ActionForm>
    </section>
  );
}
