"use client";

// The console's one form pattern: useActionState, field errors from the server, no reset of what
// the user typed when the server refuses it (React resets forms after an action; we submit through
// a transition instead) but a reset after a success,
// and inline step-up: when the action answers "step-up required", the form asks for a code,
// confirms it, then resubmits itself with the same values.
import {
  startTransition,
  useActionState,
  useCallback,
  useEffect,
  useRef,
  type FormEvent,
  type ReactNode,
} from "react";
import { idleState, type ActionState } from "@/lib/forms/action-state";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { StepUpPrompt } from "./step-up-prompt";

type Action<Data> = (state: ActionState<Data>, formData: FormData) => Promise<ActionState<Data>>;

export function ActionForm<Data>({
  action,
  submitLabel,
  pendingLabel = "Working…",
  variant = "primary",
  className,
  children,
  renderResult,
  formId,
  beforeSubmit,
}: {
  action: Action<Data>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  /** Plain fields, or a function of the state for field-level errors (client components only). */
  children?: ReactNode | ((state: ActionState<Data>) => ReactNode);
  renderResult?: (data: Data) => ReactNode;
  /** The <form>'s id, for fields elsewhere on the page that join it with form="…" (table checkboxes). */
  formId?: string;
  /** Adds what lives outside the form (rows ticked for another form of the page) to its data. */
  beforeSubmit?: (formData: FormData) => void;
}) {
  const [state, formAction, pending] = useActionState(action, idleState as ActionState<Data>);
  const formRef = useRef<HTMLFormElement>(null);

  const resubmit = useCallback(() => formRef.current?.requestSubmit(), []);
  // After a success the form starts empty again, so a second press cannot repeat the action by accident.
  useEffect(() => {
    if (state.status === "ok") formRef.current?.reset();
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    beforeSubmit?.(formData);
    startTransition(() => formAction(formData));
  }

  return (
    <div className={className}>
      <form ref={formRef} id={formId} onSubmit={submit} noValidate className="space-y-4">
        {typeof children === "function" ? children(state) : children}
        <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </form>
      <div className="mt-3 space-y-3">
        <FormStatus state={state} />
        {state.stepUpRequired ? <StepUpPrompt onConfirmed={resubmit} /> : null}
        {state.status === "ok" && state.data !== undefined && renderResult ? renderResult(state.data) : null}
      </div>
    </div>
  );
}
