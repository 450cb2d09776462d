"use client";

// Adding a passkey is two server actions around the browser's own prompt: options (a challenge
// bound to this staff member), navigator.credentials.create(), then the answer to verify and store.
// Both actions need a fresh step-up; when one asks for it, the prompt appears and, once confirmed,
// the enrolment starts again with the same name.
import { useRouter } from "next/navigation";
import { useCallback, useId, useState, type FormEvent } from "react";
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { errorState, idleState, type ActionState } from "@/lib/forms/action-state";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import {
  askForPasskeyOptions,
  describePasskeyBrowserError,
  type PasskeyOptionsAction,
} from "./passkey-browser";
import { StepUpPrompt } from "./step-up-prompt";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function PasskeyEnrolForm({
  start,
  finish,
}: {
  start: PasskeyOptionsAction<PublicKeyCredentialCreationOptionsJSON>;
  finish: FormAction;
}) {
  const router = useRouter();
  const id = useId();
  const [state, setState] = useState<ActionState<unknown>>(idleState);
  const [pending, setPending] = useState(false);
  const [name, setName] = useState("");

  const enrol = useCallback(async () => {
    setPending(true);
    setState(idleState);
    try {
      const form = new FormData();
      form.set("name", name);
      const options = await askForPasskeyOptions(start, form);
      if (options.status !== "ok" || !options.data) {
        setState(options);
        return;
      }
      let answer;
      try {
        answer = await startRegistration({ optionsJSON: options.data });
      } catch (browserError) {
        setState(errorState(describePasskeyBrowserError(browserError)));
        return;
      }
      form.set("response", JSON.stringify(answer));
      const finished = await finish(idleState, form);
      setState(finished);
      if (finished.status === "ok") {
        setName("");
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }, [start, finish, router, name]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void enrol();
  }

  const resume = useCallback(() => void enrol(), [enrol]);

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <Field
          id={`${id}-name`}
          label="Passkey name"
          hint="So you can tell your passkeys apart, for example “Work laptop” or “Security key”."
          errors={state.fieldErrors?.name}
        >
          {(describedBy, invalid) => (
            <TextInput
              value={name}
              onChange={(event) => setName(event.target.value)}
              id={`${id}-name`}
              name="name"
              maxLength={60}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className="w-72"
            />
          )}
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Waiting for your passkey…" : "Add a passkey"}
        </Button>
      </form>
      <FormStatus state={state} />
      {state.stepUpRequired ? <StepUpPrompt onConfirmed={resume} /> : null}
    </div>
  );
}
