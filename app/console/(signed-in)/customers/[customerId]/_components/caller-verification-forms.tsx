"use client";

// The agent's side of caller verification: send a confirmation request to a contact the customer
// still holds, cancel it, and (supervisors) clear the block a customer's "No" put on resets.
import {
  cancelCallerVerificationAction,
  clearResetBlockAction,
  requestCallerVerificationAction,
} from "../actions";
import { ActionForm } from "@/components/console/action-form";
import { Field, Select, TextInput } from "@/components/ui/field";

/** A contact as the form shows it: never its value, only its masked form. */
export type ContactOption = { choice: string; label: string; refusal: string | null };

export function VerifyCallerForm({
  customerId,
  contacts,
  defaultPurpose,
}: {
  customerId: string;
  contacts: ContactOption[];
  defaultPurpose: "FACTOR_RESET" | "ACCOUNT_HELP";
}) {
  const firstUsable = contacts.find((contact) => contact.refusal === null)?.choice;
  return (
    <ActionForm action={requestCallerVerificationAction} submitLabel="Send confirmation request">
      {(state) => (
        <>
          <input type="hidden" name="customerId" value={customerId} />
          <fieldset
            className="space-y-2"
            aria-describedby={state.fieldErrors?.contact ? "verify-contact-error" : undefined}
          >
            <legend className="font-semibold">Send it to</legend>
            {contacts.map((contact) => (
              <div key={contact.choice}>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="contact"
                    value={contact.choice}
                    defaultChecked={contact.choice === firstUsable}
                    disabled={contact.refusal !== null}
                    aria-describedby={contact.refusal ? `verify-refusal-${contact.choice}` : undefined}
                    className="size-4"
                  />
                  <span className={contact.refusal ? "text-slate-500 line-through" : undefined}>
                    {contact.label}
                  </span>
                </label>
                {contact.refusal ? (
                  <p
                    id={`verify-refusal-${contact.choice}`}
                    className="ml-6 text-sm font-medium text-amber-800 dark:text-amber-300"
                  >
                    Not offered: {contact.refusal}
                  </p>
                ) : null}
              </div>
            ))}
            {state.fieldErrors?.contact ? (
              <p id="verify-contact-error" className="text-sm font-medium text-red-700 dark:text-red-400">
                {state.fieldErrors.contact.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <Field id="verify-purpose" label="The caller is asking" errors={state.fieldErrors?.purpose}>
            {(describedBy, invalid) => (
              <Select
                id="verify-purpose"
                name="purpose"
                defaultValue={defaultPurpose}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="FACTOR_RESET">To reset their sign-in methods (2FA)</option>
                <option value="ACCOUNT_HELP">For other help with their account</option>
              </Select>
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function CancelVerificationForm({
  customerId,
  verificationId,
}: {
  customerId: string;
  verificationId: string;
}) {
  return (
    <ActionForm action={cancelCallerVerificationAction} submitLabel="Cancel the request" variant="secondary">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="verificationId" value={verificationId} />
    </ActionForm>
  );
}

export function ClearResetBlockForm({ customerId }: { customerId: string }) {
  return (
    <ActionForm action={clearResetBlockAction} submitLabel="Clear the block on resets" variant="secondary">
      {(state) => (
        <>
          <input type="hidden" name="customerId" value={customerId} />
          <Field
            id="clear-block-reason"
            label="Why it is safe now"
            hint="For example: spoke to the customer on the number on file before the change; they made the call."
            errors={state.fieldErrors?.reason}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="clear-block-reason"
                name="reason"
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
