"use client";

// The customer's two answers. A plain <form> bound to the server action, so it works before (or
// without) JavaScript: the browser posts it and the page comes back with the outcome.
import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/forms/action-state";
import { FormStatus } from "@/components/ui/form-status";
import { answerVerification } from "../actions";

type Outcome = { outcome: "confirmed" | "declined" };

export function AnswerForm({ token, onlyNo = false }: { token: string; onlyNo?: boolean }) {
  const [state, formAction, pending] = useActionState(
    answerVerification,
    idleState as ActionState<unknown> as ActionState<Outcome>,
  );
  return (
    <div className="space-y-4">
      {state.status === "ok" ? null : (
        <form action={formAction} className="flex flex-col gap-3 sm:flex-row">
          <input type="hidden" name="token" value={token} />
          {onlyNo ? null : (
            <button
              type="submit"
              name="answer"
              value="yes"
              disabled={pending}
              className="rounded-md bg-green-700 px-5 py-3 text-lg font-semibold text-white hover:bg-green-800 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
            >
              Yes, that&apos;s me on the phone
            </button>
          )}
          <button
            type="submit"
            name="answer"
            value="no"
            disabled={pending}
            className="rounded-md bg-red-700 px-5 py-3 text-lg font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
          >
            No, I did not contact you
          </button>
        </form>
      )}
      <FormStatus state={state} />
    </div>
  );
}
