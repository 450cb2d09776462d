"use client";

import { useRouter } from "next/navigation";
import { signIn, type SignInResponse } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import {
  askForPasskeyOptions,
  describePasskeyBrowserError,
  type PasskeyOptionsAction,
} from "./passkey-browser";

function fieldText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export function SignInForm({
  next,
  notice,
  problem,
  sso,
  passkeyOptions,
}: {
  next: string;
  notice?: string;
  /** Why the last single sign-on was refused, when the IdP sent the browser back here. */
  problem?: string;
  /** The company's identity provider, when single sign-on is set up. */
  sso: { name: string } | null;
  /** Hands out a sign-in challenge for a discoverable passkey. */
  passkeyOptions: PasskeyOptionsAction<PublicKeyCredentialRequestOptionsJSON>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void signInWith(new FormData(event.currentTarget));
  }

  async function signInWith(form: FormData) {
    setPending(true);
    setError(null);
    const result = await signIn("staff", {
      redirect: false,
      email: fieldText(form, "email"),
      password: fieldText(form, "password"),
      code: fieldText(form, "code"),
    });
    setPending(false);
    finish(result);
  }

  /** A passkey alone: the browser asks the authenticator (PIN or biometrics), next-auth checks it. */
  async function signInWithPasskey() {
    setPending(true);
    setError(null);
    try {
      const options = await askForPasskeyOptions(passkeyOptions);
      if (options.status !== "ok" || !options.data) {
        setError(options.message ?? "Passkey sign-in is not available right now.");
        return;
      }
      let answer;
      try {
        answer = await startAuthentication({ optionsJSON: options.data });
      } catch (browserError) {
        setError(describePasskeyBrowserError(browserError));
        return;
      }
      finish(await signIn("passkey", { redirect: false, response: JSON.stringify(answer) }));
    } finally {
      setPending(false);
    }
  }

  function finish(result: SignInResponse | undefined) {
    if (result?.ok && !result.error) {
      router.replace(next);
      router.refresh();
      return;
    }
    setError(
      result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.",
    );
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {problem ? (
        <div role="alert" data-testid="sso-problem">
          <Alert tone="error">{problem}</Alert>
        </div>
      ) : null}
      {sso ? (
        <Button
          type="button"
          className="w-full"
          disabled={pending}
          onClick={() => {
            setPending(true);
            // A full-page redirect to the IdP and back through next-auth's callback.
            void signIn("sso", { callbackUrl: next });
          }}
        >
          Sign in with {sso.name}
        </Button>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        disabled={pending}
        onClick={() => void signInWithPasskey()}
      >
        Sign in with a passkey
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        or with your password and a code
      </p>
      <Field id="email" label="Email">
        {(describedBy) => (
          <TextInput
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field id="password" label="Password">
        {(describedBy) => (
          <TextInput
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-describedby={describedBy}
          />
        )}
      </Field>
      {useRecoveryCode ? (
        <Field
          id="code"
          label="Recovery code"
          hint="One of the ten codes you saved when you enrolled, like ABCDE-12345. Each works once."
        >
          {(describedBy) => (
            <TextInput id="code" name="code" autoComplete="off" required aria-describedby={describedBy} />
          )}
        </Field>
      ) : (
        <Field id="code" label="Authenticator code" hint="The 6-digit code your authenticator app shows now.">
          {(describedBy) => (
            <TextInput
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              aria-describedby={describedBy}
            />
          )}
        </Field>
      )}
      <button
        type="button"
        className="text-sm text-blue-700 underline dark:text-blue-300"
        onClick={() => setUseRecoveryCode((value) => !value)}
      >
        {useRecoveryCode
          ? "Use my authenticator app instead"
          : "Lost your authenticator? Use a recovery code"}
      </button>
      <div aria-live="assertive" aria-atomic="true" data-testid="sign-in-error">
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
