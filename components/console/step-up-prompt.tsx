"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { startAuthentication } from "@simplewebauthn/browser";
import { errorState, idleState, type ActionState } from "@/lib/forms/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { askForPasskeyOptions, describePasskeyBrowserError } from "./passkey-browser";
import { signIn } from "next-auth/react";
import { useConfirmStepUp, usePasskeyStepUp, useStepUpMethods, type PasskeyStepUp } from "./step-up-context";

const unavailable = (): Promise<ActionState> =>
  Promise.resolve(errorState("Sign in to the console to confirm."));

/**
 * Asks for a fresh second factor (the staff member's passkey first when they have one, or a code
 * from the authenticator app); on success the caller resumes what it was doing.
 */
export function StepUpPrompt({ onConfirmed }: { onConfirmed: () => void }) {
  const [state, action, pending] = useActionState(useConfirmStepUp() ?? unavailable, idleState);
  const passkey = usePasskeyStepUp();
  const methods = useStepUpMethods();
  const id = useId();

  // Resume exactly once per confirmation: the parent re-renders while it resubmits, and a second
  // call would submit the privileged form twice.
  const resumedFor = useRef<typeof state | null>(null);
  useEffect(() => {
    if (state.status === "ok" && resumedFor.current !== state) {
      resumedFor.current = state;
      onConfirmed();
    }
  }, [state, onConfirmed]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id={`${id}-title`} className="font-semibold text-amber-950 dark:text-amber-100">
        Confirm it&apos;s you
      </h3>
      <p className="mt-1 text-sm text-amber-950 dark:text-amber-100">
        {passkey
          ? methods.code
            ? "This action needs your passkey, or a code, in the last 5 minutes. Use your passkey, or enter the current code from your authenticator app."
            : "This action needs your passkey in the last 5 minutes."
          : methods.code
            ? "This action needs a code entered in the last 5 minutes. Enter the current code from your authenticator app."
            : "This action needs you to have signed in within the last 5 minutes."}
      </p>
      {passkey ? (
        <PasskeyStepUpButton passkey={passkey} onConfirmed={onConfirmed} followedByCode={methods.code} />
      ) : null}
      {methods.sso && !passkey ? <SsoStepUpButton name={methods.sso.name} /> : null}
      {methods.code ? (
        <form onSubmit={submit} noValidate className="mt-3 flex flex-wrap items-end gap-3">
          <Field id={`${id}-code`} label="Authenticator code" errors={state.fieldErrors?.code}>
            {(describedBy, invalid) => (
              <TextInput
                id={`${id}-code`}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className="w-36"
              />
            )}
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Confirm and continue"}
          </Button>
        </form>
      ) : null}
      {state.status === "error" && state.message ? (
        <Alert tone="error" className="mt-3">
          {state.message}
        </Alert>
      ) : null}
    </section>
  );
}

/**
 * Staff who sign in through the company's IdP and have neither a passkey nor a code confirm by
 * signing in there again: prompt=login and max_age=0 ask the IdP to authenticate them now, and the
 * new session's step-up time is the ID token's auth_time, so an IdP that ignores the request does
 * not pass. They come back to this page; what they were doing starts again from there.
 */
function SsoStepUpButton({ name }: { name: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-3">
      <Button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn("sso", { callbackUrl: window.location.href }, { prompt: "login", max_age: "0" });
        }}
      >
        {pending ? `Opening ${name}…` : `Confirm with ${name}`}
      </Button>
    </div>
  );
}

function PasskeyStepUpButton({
  passkey,
  onConfirmed,
  followedByCode,
}: {
  passkey: PasskeyStepUp;
  onConfirmed: () => void;
  followedByCode: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirmWithPasskey() {
    setPending(true);
    setError(null);
    try {
      const options = await askForPasskeyOptions(passkey.start);
      if (options.status !== "ok" || !options.data) {
        setError(options.message ?? "Passkeys are not available right now. Enter a code instead.");
        return;
      }
      let answer;
      try {
        answer = await startAuthentication({ optionsJSON: options.data });
      } catch (browserError) {
        setError(describePasskeyBrowserError(browserError));
        return;
      }
      const form = new FormData();
      form.set("response", JSON.stringify(answer));
      const confirmed = await passkey.confirm(idleState, form);
      if (confirmed.status === "ok") onConfirmed();
      else setError(confirmed.message ?? "Your passkey was not accepted.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-3 space-y-2">
      <Button type="button" onClick={() => void confirmWithPasskey()} disabled={pending}>
        {pending ? "Waiting for your passkey…" : "Use your passkey"}
      </Button>
      <div aria-live="assertive" aria-atomic="true">
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      {followedByCode ? <p className="text-sm text-amber-950 dark:text-amber-100">Or enter a code:</p> : null}
    </div>
  );
}
