"use client";

import type { ScamReportStatus } from "@/lib/generated/prisma/enums";
import { SCAM_STATUSES, STATUS_LABELS } from "@/lib/scam-reports/labels";
import { Field, Select, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { linkCustomerAction, openCaseFromReportAction, triageScamReportAction } from "../actions";

export function TriageForm({
  reference,
  status,
  assigneeId,
  staff,
}: {
  reference: string;
  status: ScamReportStatus;
  assigneeId: string | null;
  staff: { id: string; name: string }[];
}) {
  return (
    <ActionForm action={triageScamReportAction} submitLabel="Save triage" variant="secondary">
      {(state) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="reference" value={reference} />
          <Field id="triage-status" label="Status" errors={state.fieldErrors?.status}>
            {(describedBy, invalid) => (
              <Select
                id="triage-status"
                name="status"
                defaultValue={status}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                {SCAM_STATUSES.map((option) => (
                  <option key={option} value={option}>
                    {STATUS_LABELS[option]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="triage-assignee" label="Assignee" errors={state.fieldErrors?.assigneeId}>
            {(describedBy, invalid) => (
              <Select
                id="triage-assignee"
                name="assigneeId"
                defaultValue={assigneeId ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="">Unassigned</option>
                {staff.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      )}
    </ActionForm>
  );
}

export function LinkCustomerForm({
  reference,
  suggestion,
}: {
  reference: string;
  suggestion: string | null;
}) {
  return (
    <ActionForm action={linkCustomerAction} submitLabel="Link customer" variant="secondary">
      {(state) => (
        <>
          <input type="hidden" name="reference" value={reference} />
          <Field
            id="link-customer"
            label="Customer's email, phone number or customer id"
            hint={
              suggestion
                ? "Filled in with the account email the reporter gave. The lookup is audited."
                : "The lookup is audited."
            }
            errors={state.fieldErrors?.customer}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="link-customer"
                name="customer"
                defaultValue={suggestion ?? ""}
                maxLength={200}
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function OpenCaseForm({ reference, defaultSubject }: { reference: string; defaultSubject: string }) {
  return (
    <ActionForm
      action={openCaseFromReportAction}
      submitLabel="Open compromised-account case"
      variant="danger"
      pendingLabel="Opening…"
    >
      {(state) => (
        <>
          <input type="hidden" name="reference" value={reference} />
          <Field id="case-subject" label="Case subject" errors={state.fieldErrors?.subject}>
            {(describedBy, invalid) => (
              <TextInput
                id="case-subject"
                name="subject"
                defaultValue={defaultSubject}
                maxLength={200}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
