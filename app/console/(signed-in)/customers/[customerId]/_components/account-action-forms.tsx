"use client";

// The protective actions on the customer page. Each form carries the customer's version (when the
// page was rendered): if the account changed meanwhile the server refuses and asks for a reload.
import { useState, type ReactNode } from "react";
import { protectAccountAction, restoreContactAction, unlockAccountAction } from "../actions";
import { ActionForm } from "@/components/console/action-form";
import { Field, Select, TextInput } from "@/components/ui/field";

type SessionChoice = { id: string; description: string };

function ReasonField({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <Field
      id={id}
      label="Reason"
      hint="What the customer told you; recorded in the audit log."
      errors={errors}
    >
      {(describedBy, invalid) => (
        <TextInput id={id} name="reason" aria-describedby={describedBy} aria-invalid={invalid} />
      )}
    </Field>
  );
}

export function ProtectAccountForm({
  customerId,
  customerVersion,
  sessions,
  locked,
}: {
  customerId: string;
  customerVersion: string;
  sessions: SessionChoice[];
  locked: boolean;
}) {
  return (
    <ActionForm action={protectAccountAction} submitLabel="Apply" variant="danger">
      {(state) => (
        <>
          <input type="hidden" name="customerId" value={customerId} />
          <input type="hidden" name="customerVersion" value={customerVersion} />
          <Field id="protect-action" label="Action" errors={state.fieldErrors?.action}>
            {(describedBy, invalid) => (
              <Select
                id="protect-action"
                name="action"
                defaultValue="end-all-sessions"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="end-all-sessions">End every session</option>
                <option value="end-session">End one session</option>
                <option value="require-password">Require a new password at next sign-in</option>
                {locked ? null : <option value="lock">Lock the account (nobody can sign in)</option>}
              </Select>
            )}
          </Field>
          {sessions.length > 0 ? (
            <Field
              id="protect-session"
              label="Session (for “End one session”)"
              errors={state.fieldErrors?.sessionId}
            >
              {(describedBy, invalid) => (
                <Select
                  id="protect-session"
                  name="sessionId"
                  defaultValue=""
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                >
                  <option value="">Choose a session</option>
                  {sessions.map((session) => (
                    <option key={session.id} value={session.id}>
                      {session.description}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
          <ReasonField id="protect-reason" errors={state.fieldErrors?.reason} />
        </>
      )}
    </ActionForm>
  );
}

/**
 * Shown while `visible`, and kept on screen after it stops being (the page refreshes after a
 * success: unlocking removes the reason to show the unlock form, but its confirmation must stay).
 */
function StickySection({
  visible,
  testId,
  title,
  children,
}: {
  visible: boolean;
  testId: string;
  title: string;
  children: ReactNode;
}) {
  const [seen, setSeen] = useState(visible);
  if (visible && !seen) setSeen(true);
  if (!seen) return null;
  return (
    <div className="space-y-2" data-testid={testId}>
      <h3 className="font-semibold">{title}</h3>
      {children}
    </div>
  );
}

export function UnlockForm({
  customerId,
  customerVersion,
  locked,
}: {
  customerId: string;
  customerVersion: string;
  locked: boolean;
}) {
  return (
    <StickySection visible={locked} testId="unlock-account" title="Unlock">
      <ActionForm action={unlockAccountAction} submitLabel="Unlock the account">
        {(state) => (
          <>
            <input type="hidden" name="customerId" value={customerId} />
            <input type="hidden" name="customerVersion" value={customerVersion} />
            <ReasonField id="unlock-reason" errors={state.fieldErrors?.reason} />
          </>
        )}
      </ActionForm>
    </StickySection>
  );
}

export function RestoreContactForm({
  customerId,
  customerVersion,
  choices,
}: {
  customerId: string;
  customerVersion: string;
  choices: { field: "email" | "phone"; label: string }[];
}) {
  return (
    <StickySection visible={choices.length > 0} testId="restore-contact" title="Restore a replaced contact">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Needs a supervisor&apos;s approval when the account shows risk. Both the restored and the removed
        contact are told.
      </p>
      <ActionForm action={restoreContactAction} submitLabel="Restore">
        {(state) =>
          state.status === "ok" ? null : (
            <>
              <input type="hidden" name="customerId" value={customerId} />
              <input type="hidden" name="customerVersion" value={customerVersion} />
              <fieldset className="space-y-2">
                <legend className="font-semibold">Put back</legend>
                {choices.map((choice, index) => (
                  <label key={choice.field} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="field"
                      value={choice.field}
                      defaultChecked={index === 0}
                      className="size-4"
                    />{" "}
                    {choice.label}
                  </label>
                ))}
                {state.fieldErrors?.field ? (
                  <p className="text-sm font-medium text-red-700 dark:text-red-400">
                    {state.fieldErrors.field.join(" ")}
                  </p>
                ) : null}
              </fieldset>
              <ReasonField id="restore-reason" errors={state.fieldErrors?.reason} />
            </>
          )
        }
      </ActionForm>
    </StickySection>
  );
}
