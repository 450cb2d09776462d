"use client";

import { ActionForm } from "@/components/console/action-form";
import { Field, Select } from "@/components/ui/field";
import { bulkAssignReportsAction } from "../actions";

/** Assigns the reports ticked in the queue (their checkboxes join this form by its id). */
export function BulkAssignReportsForm({ staff }: { staff: { id: string; name: string }[] }) {
  return (
    <section
      aria-labelledby="bulk-assign-reports-title"
      className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="bulk-assign-reports-title" className="mb-3 font-semibold">
        Assign the ticked reports
      </h2>
      <ActionForm
        action={bulkAssignReportsAction}
        formId="bulk-assign-reports"
        submitLabel="Assign ticked reports"
      >
        {(state) => (
          <>
            <Field id="bulk-report-assignee" label="Assign to" errors={state.fieldErrors?.assigneeId}>
              {(describedBy, invalid) => (
                <Select
                  id="bulk-report-assignee"
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
            {state.fieldErrors?.reportIds ? (
              <p className="text-sm text-red-700 dark:text-red-400">
                {state.fieldErrors.reportIds.join(" ")}
              </p>
            ) : null}
          </>
        )}
      </ActionForm>
    </section>
  );
}
