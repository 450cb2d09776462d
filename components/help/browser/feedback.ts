// "Was this helpful?" with JavaScript: the same POST to /api/feedback, sent with fetch and
// Accept: application/json, so the answer (thanks or field errors) appears in place. The
// character count follows typing. Without this script the form posts and the server redirects.
import { h } from "./dom";

type State = {
  status: "idle" | "ok" | "invalid" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

const NETWORK_ERROR = "We couldn't send your feedback. Check your connection and try again.";

export function enhanceFeedbackForm(form: HTMLFormElement) {
  const comment = form.querySelector<HTMLTextAreaElement>("textarea[name=comment]");
  const count = form.querySelector<HTMLElement>("[data-count-for=comment]");
  const message = form.querySelector<HTMLElement>("[data-form-message]");
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const max = Number(comment?.dataset.maxLength ?? 1000);

  const showCount = () => {
    if (!comment || !count) return;
    const length = comment.value.trim().length;
    const over = length > max;
    count.hidden = length === 0;
    count.textContent = `${length.toLocaleString("en")} of ${max.toLocaleString("en")} characters`;
    count.className = over
      ? "text-sm font-medium text-red-700 dark:text-red-300"
      : "text-sm text-slate-700 dark:text-slate-300";
    if (over) comment.setAttribute("aria-invalid", "true");
    else if (!form.querySelector("[data-error-for=comment]:not([hidden])"))
      comment.removeAttribute("aria-invalid");
  };
  comment?.addEventListener("input", showCount);

  const showErrors = (state: State) => {
    for (const slot of form.querySelectorAll<HTMLElement>("[data-error-for]")) {
      const text = state.fieldErrors?.[slot.dataset.errorFor ?? ""]?.join(" ") ?? "";
      slot.textContent = text;
      slot.hidden = !text;
    }
    if (comment) {
      if (state.fieldErrors?.comment?.length) comment.setAttribute("aria-invalid", "true");
      else showCount();
    }
    if (message) {
      message.replaceChildren(
        state.message ? h("p", { class: "font-medium text-red-700 dark:text-red-300" }, state.message) : "",
      );
      message.focus();
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (button) {
      button.disabled = true;
      button.textContent = "Sending…";
    }
    void fetch(form.action, {
      method: "POST",
      headers: { Accept: "application/json" },
      body: new FormData(form),
    })
      .then((response) => response.json() as Promise<State>)
      .catch((): State => ({ status: "error", message: NETWORK_ERROR }))
      .then((state) => {
        if (state.status === "ok") {
          const thanks = h(
            "div",
            {
              role: "status",
              tabindex: "-1",
              class:
                "rounded-lg border border-green-700 bg-green-50 p-4 text-green-950 dark:border-green-400 dark:bg-green-950/50 dark:text-green-50",
            },
            h("p", { class: "font-semibold" }, state.message ?? "Thank you for your feedback."),
          );
          form.replaceWith(thanks);
          thanks.focus();
          return;
        }
        showErrors(state);
      })
      .finally(() => {
        if (button) {
          button.disabled = false;
          button.textContent = "Send feedback";
        }
      });
  });
}
