// "Was this helpful?": a plain POST form to /api/feedback, rendered on the server. Without
// JavaScript the API answers with a redirect to a result page (/help/feedback); with it,
// components/help/browser/feedback.ts sends the same form with fetch, shows the answer in place
// and counts characters as the reader types. The data-* hooks below are that script's contract.
import type { ActionState } from "@/lib/forms/action-state";

export const COMMENT_MAX = 1000;

type Props = {
  articleSlug: string;
  /** Pre-selected answer when the form is shown again after an error. */
  initialHelpful?: "yes" | "no";
  /** Server messages to show (the no-JavaScript result page). */
  initialState?: ActionState;
};

const ERROR_CLASS = "font-medium text-red-700 dark:text-red-300";

export function FeedbackForm({ articleSlug, initialHelpful, initialState }: Props) {
  const state = initialState ?? { status: "idle" };
  const id = "feedback";
  const helpfulError = state.fieldErrors?.helpful?.join(" ");
  const commentError = state.fieldErrors?.comment?.join(" ");

  if (state.status === "ok") {
    return (
      <div
        tabIndex={-1}
        role="status"
        className="rounded-lg border border-green-700 bg-green-50 p-4 text-green-950 dark:border-green-400 dark:bg-green-950/50 dark:text-green-50"
      >
        <p className="font-semibold">{state.message ?? "Thank you for your feedback."}</p>
      </div>
    );
  }

  return (
    <form action="/api/feedback" method="post" className="space-y-4" noValidate data-feedback-form="">
      <input type="hidden" name="articleSlug" value={articleSlug} />
      <fieldset aria-describedby={`${id}-helpful-error`}>
        <legend className="text-lg font-semibold">Was this article helpful?</legend>
        <div className="mt-2 flex gap-3">
          {(["yes", "no"] as const).map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-4 py-2 has-checked:border-brand has-checked:bg-brand-soft dark:border-slate-500 dark:has-checked:bg-slate-800"
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
        <p
          id={`${id}-helpful-error`}
          className={`mt-2 ${ERROR_CLASS}`}
          hidden={!helpfulError}
          data-error-for="helpful"
        >
          {helpfulError}
        </p>
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
          data-max-length={COMMENT_MAX}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={`${id}-comment-hint ${id}-comment-count ${id}-comment-error`}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:aria-invalid:border-red-400"
        />
        <p
          id={`${id}-comment-count`}
          hidden
          className="text-sm text-slate-700 dark:text-slate-300"
          data-count-for="comment"
        />
        <p id={`${id}-comment-error`} className={ERROR_CLASS} hidden={!commentError} data-error-for="comment">
          {commentError}
        </p>
      </div>
      <div
        tabIndex={-1}
        role="alert"
        aria-live="assertive"
        className="focus:outline-none"
        data-form-message=""
      >
        {state.status === "error" || state.status === "invalid" ? (
          <p className={ERROR_CLASS}>{state.message}</p>
        ) : null}
      </div>
      <button
        type="submit"
        className="rounded-md bg-brand px-4 py-2 font-semibold text-on-brand hover:bg-brand-strong disabled:opacity-70"
      >
        Send feedback
      </button>
    </form>
  );
}
