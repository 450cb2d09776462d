"use client";

import type { ActionState } from "@/lib/forms/action-state";
import type { InviteLink as InviteLinkData } from "@/lib/staff/staff-admin";
import { Field, Select, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { changeRoleAction, resetStaffTotpAction, setStaffActiveAction, unlockStaffAction } from "../actions";
import { InviteLink } from "./invite-link";

type Member = { id: string; email: string; name: string; role: string; status: string };

function ReasonField({ id, state }: { id: string; state: ActionState<unknown> }) {
  return (
    <Field id={id} label="Reason" hint="Recorded in the audit log." errors={state.fieldErrors?.reason}>
      {(describedBy, invalid) => (
        <TextInput id={id} name="reason" aria-describedby={describedBy} aria-invalid={invalid} />
      )}
    </Field>
  );
}

/** The admin's actions on one staff member, each with a reason and step-up. */
export function StaffActions({ member }: { member: Member }) {
  const prefix = `staff-${member.id}`;
  return (
    <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <summary className="cursor-pointer font-medium">Manage {member.name}</summary>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <ActionForm action={changeRoleAction} submitLabel="Change role" variant="secondary">
          {(state) => (
            <>
              <input type="hidden" name="staffId" value={member.id} />
              <Field id={`${prefix}-role`} label="New role" errors={state.fieldErrors?.role}>
                {(describedBy) => (
                  <Select
                    id={`${prefix}-role`}
                    name="role"
                    defaultValue={member.role}
                    aria-describedby={describedBy}
                  >
                    <option value="AGENT">Agent</option>
                    <option value="SUPERVISOR">Supervisor</option>
                    <option value="ADMIN">Admin</option>
                  </Select>
                )}
              </Field>
              <ReasonField id={`${prefix}-role-reason`} state={state} />
            </>
          )}
        </ActionForm>
        <ActionForm
          action={setStaffActiveAction}
          submitLabel={member.status === "deactivated" ? "Reactivate" : "Deactivate"}
          variant={member.status === "deactivated" ? "secondary" : "danger"}
        >
          {(state) => (
            <>
              <input type="hidden" name="staffId" value={member.id} />
              <input type="hidden" name="active" value={member.status === "deactivated" ? "true" : "false"} />
              <ReasonField id={`${prefix}-active-reason`} state={state} />
            </>
          )}
        </ActionForm>
        <ActionForm action={unlockStaffAction} submitLabel="Unlock" variant="secondary">
          {(state) => (
            <>
              <input type="hidden" name="staffId" value={member.id} />
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {member.status === "locked"
                  ? "Locked after repeated failed sign-ins."
                  : "Clears failed sign-in attempts."}
              </p>
              <ReasonField id={`${prefix}-unlock-reason`} state={state} />
            </>
          )}
        </ActionForm>
        <ActionForm<InviteLinkData>
          action={resetStaffTotpAction}
          submitLabel="Reset authenticator"
          variant="danger"
          renderResult={(data) => <InviteLink path={data.path} />}
        >
          {(state) => (
            <>
              <input type="hidden" name="staffId" value={member.id} />
              <ReasonField id={`${prefix}-totp-reason`} state={state} />
            </>
          )}
        </ActionForm>
      </div>
    </details>
  );
}
