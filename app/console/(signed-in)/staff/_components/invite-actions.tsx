"use client";

import type { InviteLink as InviteLinkData } from "@/lib/staff/staff-admin";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "@/components/console/action-form";
import { resendInviteAction, revokeInviteAction } from "../actions";
import { InviteLink } from "./invite-link";

/** Resend (a fresh link, emailed when SMTP is set) or revoke one pending invitation; both audited. */
export function InviteActions({ invite }: { invite: { id: string; email: string } }) {
  const prefix = `invite-${invite.id}`;
  return (
    <details className="w-full rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <summary className="cursor-pointer font-medium">
        Resend or revoke the invitation for {invite.email}
      </summary>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <ActionForm<InviteLinkData>
          action={resendInviteAction}
          submitLabel="Send a new link"
          variant="secondary"
          renderResult={(data) => <InviteLink path={data.path} />}
        >
          {(state) => (
            <>
              <input type="hidden" name="inviteId" value={invite.id} />
              <Field
                id={`${prefix}-resend-reason`}
                label="Reason"
                hint="Recorded in the audit log."
                errors={state.fieldErrors?.reason}
              >
                {(describedBy, invalid) => (
                  <TextInput
                    id={`${prefix}-resend-reason`}
                    name="reason"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
            </>
          )}
        </ActionForm>
        <ActionForm action={revokeInviteAction} submitLabel="Revoke invitation" variant="danger">
          {(state) => (
            <>
              <input type="hidden" name="inviteId" value={invite.id} />
              <Field
                id={`${prefix}-revoke-reason`}
                label="Reason"
                hint="Recorded in the audit log."
                errors={state.fieldErrors?.reason}
              >
                {(describedBy, invalid) => (
                  <TextInput
                    id={`${prefix}-revoke-reason`}
                    name="reason"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
            </>
          )}
        </ActionForm>
      </div>
    </details>
  );
}
