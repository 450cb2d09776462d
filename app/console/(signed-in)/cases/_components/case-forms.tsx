"use client";

import {
  addNoteAction,
  assignCaseAction,
  checklistAction,
  openCaseAction,
  setCaseStatusAction,
} from "../actions";
import { CASE_TYPE_LABELS, type CaseType } from "@/lib/cases/playbooks";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";

export function OpenCaseForm({
  customerId,
  scamReportId,
  defaultType,
}: {
  customerId: string;
  scamReportId?: string;
  defaultType?: CaseType;
}) {
  return (
    <ActionForm action={openCaseAction} submitLabel="Open case">
      {(state) => (
        <>
          <input type="hidden" name="customerId" value={customerId} />
          {scamReportId ? <input type="hidden" name="scamReportId" value={scamReportId} /> : null}
          <Field id="type" label="Kind of case" errors={state.fieldErrors?.type}>
            {(describedBy) => (
              <Select
                id="type"
                name="type"
                defaultValue={defaultType ?? "COMPROMISED_ACCOUNT"}
                aria-describedby={describedBy}
              >
                {Object.entries(CASE_TYPE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="subject" label="Subject" errors={state.fieldErrors?.subject}>
            {(describedBy, invalid) => (
              <TextInput id="subject" name="subject" aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <Field id="note" label="First note (optional)" errors={state.fieldErrors?.note}>
            {(describedBy) => <TextArea id="note" name="note" rows={4} aria-describedby={describedBy} />}
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function NoteForm({ caseId }: { caseId: string }) {
  return (
    <ActionForm action={addNoteAction} submitLabel="Add note" variant="secondary">
      {(state) => (
        <>
          <input type="hidden" name="caseId" value={caseId} />
          <Field id="body" label="Note" errors={state.fieldErrors?.body}>
            {(describedBy, invalid) => (
              <TextArea
                id="body"
                name="body"
                rows={3}
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

export function StatusForm({ caseId, status }: { caseId: string; status: string }) {
  return (
    <ActionForm action={setCaseStatusAction} submitLabel="Change status" variant="secondary">
      {(state) => (
        <>
          <input type="hidden" name="caseId" value={caseId} />
          <Field id="status" label="Status" errors={state.fieldErrors?.status}>
            {(describedBy) => (
              <Select id="status" name="status" defaultValue={status} aria-describedby={describedBy}>
                <option value="OPEN">Open</option>
                <option value="IN_PROGRESS">In progress</option>
                <option value="WAITING_ON_CUSTOMER">Waiting on customer</option>
                <option value="CLOSED">Closed</option>
              </Select>
            )}
          </Field>
          <Field id="outcome" label="Outcome (needed to close)" errors={state.fieldErrors?.outcome}>
            {(describedBy) => <TextInput id="outcome" name="outcome" aria-describedby={describedBy} />}
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function AssignForm({
  caseId,
  assigneeId,
  staff,
}: {
  caseId: string;
  assigneeId: string | null;
  staff: { id: string; name: string }[];
}) {
  return (
    <ActionForm action={assignCaseAction} submitLabel="Assign" variant="secondary">
      <input type="hidden" name="caseId" value={caseId} />
      <label htmlFor="assigneeId" className="block text-sm font-medium">
        Assignee
      </label>
      <Select id="assigneeId" name="assigneeId" defaultValue={assigneeId ?? ""}>
        <option value="">Nobody</option>
        {staff.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </Select>
    </ActionForm>
  );
}

export function ChecklistToggle({ caseId, item, done }: { caseId: string; item: string; done: boolean }) {
  return (
    <ActionForm action={checklistAction} submitLabel={done ? "Undo" : "Mark done"} variant="ghost">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="item" value={item} />
      <input type="hidden" name="done" value={done ? "false" : "true"} />
    </ActionForm>
  );
}
