"use client";

import { recordScamReportAction } from "../actions";
import { LIMITS } from "@/lib/scam-reports/schemas";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { ErrorSummary, ScamReportFields } from "@/components/report/scam-report-fields";

export function StaffReportForm({
  defaultTimeZone,
  maxDateTime,
  customer,
}: {
  defaultTimeZone: string;
  maxDateTime: string;
  customer: string;
}) {
  return (
    <ActionForm action={recordScamReportAction} submitLabel="Record report" pendingLabel="Recording…">
      {(state) => (
        <>
          <ErrorSummary errors={state.fieldErrors ?? {}} />
          <ScamReportFields
            mode="staff"
            errors={state.fieldErrors}
            defaultTimeZone={defaultTimeZone}
            maxDateTime={maxDateTime}
          />
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-800">
            <legend className="px-1 text-sm font-medium">Links (optional)</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                id="customer"
                label="Customer"
                hint="Email, phone number or customer id. The lookup is audited."
                errors={state.fieldErrors?.customer}
              >
                {(describedBy, invalid) => (
                  <TextInput
                    id="customer"
                    name="customer"
                    defaultValue={customer}
                    maxLength={LIMITS.shortText}
                    autoComplete="off"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
              <Field
                id="caseNumber"
                label="Case"
                hint="A case number like C-1042."
                errors={state.fieldErrors?.caseNumber}
              >
                {(describedBy, invalid) => (
                  <TextInput
                    id="caseNumber"
                    name="caseNumber"
                    maxLength={12}
                    autoComplete="off"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
            </div>
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}
