"use client";

import { inviteStaffAction } from "../actions";
import { Field, Select, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { InviteLink } from "./invite-link";

export function InviteForm() {
  return (
    <ActionForm
      action={inviteStaffAction}
      submitLabel="Create invitation"
      renderResult={(data) => <InviteLink path={data.path} />}
    >
      {(state) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="invite-email" label="Email" errors={state.fieldErrors?.email}>
            {(describedBy, invalid) => (
              <TextInput
                id="invite-email"
                name="email"
                type="email"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field id="invite-name" label="Name" errors={state.fieldErrors?.name}>
            {(describedBy, invalid) => (
              <TextInput id="invite-name" name="name" aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <Field id="invite-role" label="Role" errors={state.fieldErrors?.role}>
            {(describedBy, invalid) => (
              <Select
                id="invite-role"
                name="role"
                defaultValue="AGENT"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="AGENT">Agent: investigates customers, works cases, requests resets</option>
                <option value="SUPERVISOR">Supervisor: also approves risky resets, sees audit log</option>
                <option value="ADMIN">Admin: also manages staff and API keys</option>
              </Select>
            )}
          </Field>
          <Field
            id="invite-reason"
            label="Reason"
            hint="Recorded in the audit log."
            errors={state.fieldErrors?.reason}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="invite-reason"
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
