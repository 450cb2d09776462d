"use client";
// "Was this helpful?" island. A plain POST form to /api/feedback, which answers a browser without
// JavaScript with a redirect to a result page; with JavaScript the same form is sent with fetch
// and the answer is shown in place.
import { useId, useRef, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/forms/action-state";

const COMMENT_MAX = 1000;

type Props = {
  articleSlug: string;
  /** Pre-selected answer when the form is shown again after an error. */
  initialHelpful?: "yes" | "no";
  /** Server messages to show on first render (the no-JavaScript result page). */
  initialState?: ActionState;
};

export function FeedbackForm({ articleSlug, initialHelpful, initialState }: Props) {
  const id = useId();
  const [state, setState] = useState<ActionState>(initialState ?? { status: "idle" });
  const [pending, setPending] = useState(false);
  const [length, setLength] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    try {
      const response = await fetch("/api/feedback", {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new FormData(event.currentTarget),
      });
      const next = (await response.json()) as ActionState;
      setState(next);
    } catch {
      setState({
        status: "error",
        message: "We couldn't send your feedback. Check your connection and try again.",
      });
    } finally {
      setPending(false);
      requestAnimationFrame(() => statusRef.current?.focus());
    }
  };

  const helpfulError = state.fieldErrors?.helpful?.join(" ");
  const commentError = state.fieldErrors?.comment?.join(" ");
  const over = length > COMMENT_MAX;

  if (state.status === "ok") {
    return (
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className="rounded-lg border border-green-700 bg-green-50 p-4 text-green-950 dark:border-green-400 dark:bg-green-950/50 dark:text-green-50"
      >
        <p className="font-semibold">{state.message ?? "Thank you for your feedback."}</p>
      </div>
    );
  }

  return (
    <form
      action="/api/feedback"
      method="post"
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-4"
      noValidate
    >
      <input type="hidden" name="articleSlug" value={articleSlug} />
      <fieldset aria-describedby={helpfulError ? `${id}-helpful-error` : undefined}>
        <legend className="text-lg font-semibold">Was this article helpful?</legend>
        <div className="mt-2 flex gap-3">
          {(["yes", "no"] as const).map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-4 py-2 has-checked:border-blue-700 has-checked:bg-blue-50 dark:border-slate-500 dark:has-checked:border-blue-300 dark:has-checked:bg-slate-800"
            >
              <input
                type="radio"
                name="helpful"
                value={value}
                defaultChecked={initialHelpful === value}
                className="size-4"
              />
              {value === "yes" ? "Yes" : "No"}
            </label>
          ))}
        </div>
        {helpfulError ? (
          <p id={`${id}-helpful-error`} className="mt-2 font-medium text-red-700 dark:text-red-300">
            {helpfulError}
          </p>
        ) : null}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-comment`} className="block font-medium">
          How could we make this page better? (optional)
        </label>
        <p id={`${id}-comment-hint`} className="text-sm text-slate-700 dark:text-slate-300">
          Please don’t include codes, passwords or personal details. Up to 1,000 characters.
        </p>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={3}
          onChange={(event) => setLength(event.target.value.trim().length)}
          aria-invalid={commentError || over ? true : undefined}
          aria-describedby={[
            `${id}-comment-hint`,
            `${id}-comment-count`,
            commentError ? `${id}-comment-error` : "",
          ]
            .filter(Boolean)
            .join(" ")}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:aria-invalid:border-red-400"
        />
        <p
          id={`${id}-comment-count`}
          hidden={length === 0}
          className={
            over
              ? "text-sm font-medium text-red-700 dark:text-red-300"
              : "text-sm text-slate-700 dark:text-slate-300"
          }
        >
          {length.toLocaleString("en")} of 1,000 characters
        </p>
        {commentError ? (
          <p id={`${id}-comment-error`} className="font-medium text-red-700 dark:text-red-300">
            {commentError}
          </p>
        ) : null}
      </div>
      <div ref={statusRef} tabIndex={-1} role="alert" aria-live="assertive" className="focus:outline-none">
        {state.status === "error" || state.status === "invalid" ? (
          <p className="font-medium text-red-700 dark:text-red-300">{state.message}</p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-70 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200"
      >
        {pending ? "Sending…" : "Send feedback"}
      </button>
    </form>
  );
}
