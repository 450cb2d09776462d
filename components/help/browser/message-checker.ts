// Check a message, in the browser: the pasted text goes through lib/message-checker's rules here
// and nowhere else (no fetch, no form post, no storage). The verdict is built from text nodes.
// "Report this message to us" opens the report form with what the check found filled in.
import { checkMessage, type CheckBrand, type CheckResult } from "@/lib/message-checker/check-message";
import { reportPrefillHref } from "@/lib/scam-reports/prefill";
import { h } from "./dom";

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

function renderResult(result: CheckResult, text: string): HTMLElement {
  const verdict = VERDICTS[result.verdict];
  const section = h(
    "section",
    { "aria-labelledby": "checker-verdict", class: "space-y-4" },
    h(
      "div",
      { class: `rounded-lg border-l-4 p-4 ${verdict.box}` },
      h("h2", { id: "checker-verdict", class: "text-xl font-bold" }, verdict.title),
      h("p", { class: "mt-1" }, verdict.text),
    ),
  );
  if (!result.flags.length) return section;
  section.append(
    h(
      "h3",
      { class: "text-lg font-semibold" },
      `${result.flags.length} red ${result.flags.length === 1 ? "flag" : "flags"} found`,
    ),
    h(
      "ul",
      { class: "space-y-3" },
      ...result.flags.map((flag) =>
        h(
          "li",
          { class: "rounded-lg border border-slate-300 p-4 dark:border-slate-700", "data-flag": flag.id },
          h(
            "p",
            { class: "font-semibold" },
            h(
              "span",
              {
                class:
                  flag.severity === "high"
                    ? "text-red-800 dark:text-red-300"
                    : "text-amber-900 dark:text-amber-200",
              },
              flag.severity === "high" ? "Danger: " : "Warning: ",
            ),
            flag.title,
          ),
          h("p", { class: "mt-1 text-slate-800 dark:text-slate-200" }, flag.explanation),
          h(
            "p",
            { class: "mt-2 text-sm font-medium text-slate-700 dark:text-slate-300" },
            "Found in the message:",
          ),
          h(
            "ul",
            { class: "mt-1 list-disc space-y-1 pl-5 text-sm break-words text-slate-800 dark:text-slate-200" },
            ...flag.evidence.map((item) => h("li", {}, item)),
          ),
        ),
      ),
    ),
    h(
      "p",
      {},
      h(
        "a",
        {
          href: reportPrefillHref(text, result),
          class: "font-semibold text-brand-ink underline underline-offset-2",
        },
        "Report this message to us",
      ),
    ),
  );
  return section;
}

export function enhanceMessageChecker(root: HTMLElement) {
  const brand = JSON.parse(root.dataset.messageChecker ?? "{}") as CheckBrand;
  const form = root.querySelector<HTMLFormElement>("form[data-checker-form]");
  const textarea = root.querySelector<HTMLTextAreaElement>("textarea");
  const output = root.querySelector<HTMLElement>("[data-checker-result]");
  const submit = form?.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!form || !textarea || !output) return;
  const sync = () => {
    if (submit) submit.disabled = !textarea.value.trim();
  };
  sync();
  textarea.addEventListener("input", () => {
    output.replaceChildren();
    sync();
  });
  form.addEventListener("reset", () => {
    output.replaceChildren();
    queueMicrotask(sync);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textarea.value;
    if (!text.trim()) return;
    output.replaceChildren(renderResult(checkMessage(text, brand), text));
  });
}
