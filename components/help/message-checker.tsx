"use client";
// Check a message: the pasted text is analysed in this component only. No fetch, no form post,
// no storage: the text never leaves the reader's browser.
import Link from "next/link";
import { useId, useState } from "react";
import { checkMessage, type CheckBrand, type CheckResult } from "@/lib/message-checker/check-message";

const VERDICTS = {
  "likely-scam": {
    title: "This looks like a scam",
    text: "Don’t reply, don’t tap any links, and don’t call any number in it. Never share a code.",
    box: "border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950/60 dark:text-red-50",
  },
  suspicious: {
    title: "Be careful with this message",
    text: "We found a warning sign. Check it another way before you do anything it asks.",
    box: "border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950/60 dark:text-amber-50",
  },
  "no-flags": {
    title: "We found no red flags",
    text: "That doesn’t prove it’s real. If it asks you to do anything, open our app or website yourself instead.",
    box: "border-green-700 bg-green-50 text-green-950 dark:border-green-400 dark:bg-green-950/60 dark:text-green-50",
  },
} as const;

export function MessageChecker({ brand }: { brand: CheckBrand }) {
  const id = useId();
  const [text, setText] = useState("");
  const [result, setResult] = useState<CheckResult>();

  const verdict = result ? VERDICTS[result.verdict] : undefined;
  return (
    <div className="space-y-6">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setResult(checkMessage(text, brand));
        }}
      >
        <label htmlFor={`${id}-text`} className="block text-lg font-semibold">
          Paste the text or email here
        </label>
        <p id={`${id}-hint`} className="text-slate-700 dark:text-slate-300">
          Include any links and phone numbers. You can remove your name and other personal details first.
        </p>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setResult(undefined);
          }}
          rows={8}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-base text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            disabled={!text.trim()}
            className="rounded-md bg-blue-700 px-5 py-2 text-lg font-semibold text-white hover:bg-blue-800 disabled:opacity-60 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200"
          >
            Check message
          </button>
          <button
            type="button"
            onClick={() => {
              setText("");
              setResult(undefined);
            }}
            className="rounded-md border border-slate-400 px-5 py-2 text-lg font-semibold hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800"
          >
            Clear
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite">
        {result && verdict ? (
          <section aria-labelledby={`${id}-verdict`} className="space-y-4">
            <div className={`rounded-lg border-l-4 p-4 ${verdict.box}`}>
              <h2 id={`${id}-verdict`} className="text-xl font-bold">
                {verdict.title}
              </h2>
              <p className="mt-1">{verdict.text}</p>
            </div>
            {result.flags.length ? (
              <>
                <h3 className="text-lg font-semibold">
                  {result.flags.length} red {result.flags.length === 1 ? "flag" : "flags"} found
                </h3>
                <ul className="space-y-3">
                  {result.flags.map((flag) => (
                    <li
                      key={flag.id}
                      className="rounded-lg border border-slate-300 p-4 dark:border-slate-700"
                      data-flag={flag.id}
                    >
                      <p className="font-semibold">
                        <span
                          className={
                            flag.severity === "high"
                              ? "text-red-800 dark:text-red-300"
                              : "text-amber-900 dark:text-amber-200"
                          }
                        >
                          {flag.severity === "high" ? "Danger: " : "Warning: "}
                        </span>
                        {flag.title}
                      </p>
                      <p className="mt-1 text-slate-800 dark:text-slate-200">{flag.explanation}</p>
                      <p className="mt-2 text-sm font-medium text-slate-700 dark:text-slate-300">
                        Found in the message:
                      </p>
                      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm break-words text-slate-800 dark:text-slate-200">
                        {flag.evidence.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
                <p>
                  <Link
                    prefetch={false}
                    href="/report"
                    className="font-semibold text-blue-700 underline underline-offset-2 dark:text-blue-300"
                  >
                    Report this message to us
                  </Link>
                </p>
              </>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
