"use client";

// The sign-in policy: which roles must use a passkey or single sign-on, and whether passwords are
// off for everyone but a break-glass administrator. The server checks every rule again
// (lib/staff/sign-in-policy.ts); this form only says what each choice means.
import { ActionForm } from "@/components/console/action-form";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import { updateSignInPolicyAction } from "../actions";

const ROLE_BOXES: { name: string; role: Role; label: string }[] = [
  { name: "requireAgents", role: "AGENT", label: "Agents" },
  { name: "requireSupervisors", role: "SUPERVISOR", label: "Supervisors" },
  { name: "requireAdmins", role: "ADMIN", label: "Admins" },
];

export function SignInPolicyForm({
  policy,
  candidates,
  ssoName,
}: {
  policy: {
    phishingResistantRoles: readonly Role[];
    passwordSignInDisabled: boolean;
    breakGlassStaffId: string | null;
  };
  candidates: { id: string; name: string; email: string }[];
  ssoName: string | null;
}) {
  const strongMethods = ssoName ? `a passkey or “Sign in with ${ssoName}”` : "a passkey";
  return (
    <ActionForm action={updateSignInPolicyAction} submitLabel="Save sign-in policy">
      {(state) => (
        <>
          <fieldset className="space-y-2" aria-describedby="policy-roles-hint">
            <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
              Roles that must sign in with {strongMethods}
            </legend>
            <p id="policy-roles-hint" className="text-sm text-slate-600 dark:text-slate-400">
              A look-alike page can pass on a password and a code as they are typed; it cannot use a passkey.
              Someone in these roles without a passkey is walked through adding one at their next visit, and
              then signs in with it.
            </p>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {ROLE_BOXES.map((box) => (
                <label key={box.name} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name={box.name}
                    defaultChecked={policy.phishingResistantRoles.includes(box.role)}
                    className="size-4"
                  />
                  {box.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-1">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                name="passwordSignInDisabled"
                defaultChecked={policy.passwordSignInDisabled}
                aria-describedby="policy-password-hint policy-password-error"
                aria-invalid={Boolean(state.fieldErrors?.passwordSignInDisabled)}
                className="size-4"
              />
              Turn off password sign-in for everyone but the break-glass administrator
            </label>
            <p id="policy-password-hint" className="text-sm text-slate-600 dark:text-slate-400">
              Everyone else then signs in with {strongMethods}.
            </p>
            {state.fieldErrors?.passwordSignInDisabled ? (
              <p id="policy-password-error" className="text-sm font-medium text-red-700 dark:text-red-400">
                {state.fieldErrors.passwordSignInDisabled.join(" ")}
              </p>
            ) : null}
          </div>
          <Field
            id="policy-break-glass"
            label="Break-glass administrator"
            hint="Can always sign in with a password and an authenticator code, for when single sign-on or passkeys fail. Every such sign-in emails the other administrators."
            errors={state.fieldErrors?.breakGlassStaffId}
          >
            {(describedBy, invalid) => (
              <Select
                id="policy-break-glass"
                name="breakGlassStaffId"
                defaultValue={policy.breakGlassStaffId ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="">None</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name} ({candidate.email})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id="policy-reason"
            label="Reason"
            hint="Recorded in the audit log."
            errors={state.fieldErrors?.reason}
          >
            {(describedBy, invalid) => (
              <TextInput
                id="policy-reason"
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
