"use client";

import Link from "next/link";
import type { ActionState } from "@/lib/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ActionForm } from "./action-form";

import type { Enrolled as Enrolment } from "@/lib/staff/enrolment";

/** Password + authenticator enrolment, shared by first-run setup and invitations. */
export function EnrolmentForm({
  action,
  totpSecret,
  qrDataUrl,
  email,
  defaultName,
  hiddenFields = {},
}: {
  action: (state: ActionState<Enrolment>, formData: FormData) => Promise<ActionState<Enrolment>>;
  totpSecret: string;
  qrDataUrl: string;
  /** Known for invitations; asked for on first-run setup. */
  email?: string;
  defaultName?: string;
  /** Posted back with the form, e.g. the invitation's token. */
  hiddenFields?: Record<string, string>;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Finish enrolment"
      pendingLabel="Checking…"
      renderResult={(data) => <RecoveryCodes data={data} />}
    >
      {(state) =>
        state.status === "ok" ? null : (
          <>
            <input type="hidden" name="totpSecret" value={totpSecret} />
            {Object.entries(hiddenFields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {email ? (
              <p className="text-sm">
                Signing up as <strong>{email}</strong>
              </p>
            ) : (
              <Field id="email" label="Your work email" errors={state.fieldErrors?.email}>
                {(describedBy, invalid) => (
                  <TextInput
                    id="email"
                    name="email"
                    type="email"
                    autoComplete="username"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
            )}
            <Field id="name" label="Your name" errors={state.fieldErrors?.name}>
              {(describedBy, invalid) => (
                <TextInput
                  id="name"
                  name="name"
                  defaultValue={defaultName}
                  autoComplete="name"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field
              id="password"
              label="Choose a password"
              hint="At least 12 characters. A few unrelated words work well."
              errors={state.fieldErrors?.password}
            >
              {(describedBy, invalid) => (
                <TextInput
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field
              id="confirmPassword"
              label="Type the password again"
              errors={state.fieldErrors?.confirmPassword}
            >
              {(describedBy, invalid) => (
                <TextInput
                  id="confirmPassword"
                  name="confirmPassword"
                  type="password"
                  autoComplete="new-password"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <fieldset className="space-y-3 rounded-md border border-slate-300 p-4 dark:border-slate-600">
              <legend className="px-1 font-semibold">Set up your authenticator app</legend>
              <p className="text-sm">
                Scan this QR code with an authenticator app (for example on your work phone).
              </p>
              {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
              <img
                src={qrDataUrl}
                alt="QR code for your authenticator app. If you cannot scan it, type the key shown below."
                width={180}
                height={180}
                className="rounded bg-white p-2"
              />
              <p className="text-sm">
                Can&apos;t scan it? Enter this key by hand:{" "}
                <code
                  data-testid="totp-secret"
                  className="rounded bg-slate-100 px-1 py-0.5 font-mono text-sm break-all dark:bg-slate-800"
                >
                  {totpSecret}
                </code>
              </p>
              <Field
                id="code"
                label="Code from the app"
                hint="Enter the 6-digit code the app now shows, to prove it is set up."
                errors={state.fieldErrors?.code}
              >
                {(describedBy, invalid) => (
                  <TextInput
                    id="code"
                    name="code"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    className="w-40"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
            </fieldset>
          </>
        )
      }
    </ActionForm>
  );
}

function RecoveryCodes({ data }: { data: Enrolment }) {
  return (
    <section aria-labelledby="recovery-title" className="space-y-3">
      <h2 id="recovery-title" className="text-xl font-bold">
        Save your recovery codes
      </h2>
      <Alert tone="warning" title="These are shown only once">
        If you lose your authenticator, each code lets you sign in once instead of a code from the app. Store
        them in your password manager or print them. Never share them.
      </Alert>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-base">
        {data.recoveryCodes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-2 py-1 dark:bg-slate-800">
            {code}
          </li>
        ))}
      </ol>
      <Link href="/console/sign-in" className={buttonClasses("primary")}>
        I have saved them. Sign in as {data.email}
      </Link>
    </section>
  );
}
