"use client";

// The public scam-report form. Without JavaScript it is a plain form post to a server action
// (React's progressive enhancement): the page comes back with errors and the typed values, or the
// browser is redirected to the confirmation. With JavaScript the same action runs without a reload.
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { submitScamReport } from "../actions";
import type { PublicReportState, ReportFormValues } from "@/lib/scam-reports/intake";
import { LIMITS } from "@/lib/scam-reports/schemas";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { ErrorSummary, ScamReportFields, type FieldErrors } from "@/components/report/scam-report-fields";

export function PublicReportForm({
  formToken,
  defaultTimeZone,
  maxDateTime,
  initialValues,
}: {
  formToken: string;
  defaultTimeZone: string;
  maxDateTime: string;
  /** Values to start with (what "check a message" found), never errors. */
  initialValues?: ReportFormValues;
}) {
  const [state, formAction, pending] = useActionState<PublicReportState, FormData>(submitScamReport, {
    status: "idle",
    formToken,
    values: initialValues,
  });
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});

  // A failed submit moves focus to the error summary (or, for a form-level problem, the message),
  // which scrolls it into view: the reader and a screen reader start at what went wrong, not
  // wherever the button was.
  useEffect(() => {
    if (state.status === "idle" && Object.keys(localErrors).length === 0) return;
    if (state.status === "ok") return;
    const target =
      document.getElementById("error-summary") ??
      document.querySelector<HTMLElement>("[data-testid=form-status]");
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start", behavior: "instant" });
  }, [state, localErrors]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    // The field's maxlength stops typing past the limit; this catches pasted or scripted text
    // before a huge request is sent.
    const story = formData.get("story");
    if (typeof story === "string" && story.length > LIMITS.story) {
      setLocalErrors({
        story: [
          `Your story is ${story.length.toLocaleString("en-GB")} characters long. Please shorten it to ${LIMITS.story.toLocaleString("en-GB")} characters or fewer.`,
        ],
      });
      return;
    }
    setLocalErrors({});
    startTransition(() => formAction(formData));
  }

  const errors = { ...state.fieldErrors, ...localErrors };
  return (
    <form action={formAction} onSubmit={submit} noValidate className="space-y-6" aria-label="Report a scam">
      <FormStatus state={state} />
      <ErrorSummary errors={errors} />
      <input type="hidden" name="formToken" value={state.formToken ?? formToken} />
      {/* Hidden from people (and from screen readers); form-filling bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <ScamReportFields
        mode="public"
        values={state.values}
        errors={errors}
        defaultTimeZone={defaultTimeZone}
        maxDateTime={maxDateTime}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Sending…" : "Send report"}
        </Button>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          You will get a reference number and advice on what to do next.
        </p>
      </div>
    </form>
  );
}
