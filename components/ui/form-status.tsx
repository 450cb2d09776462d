import type { ActionState } from "@/lib/forms/action-state";
import Link from "next/link";
import { Alert } from "./alert";

/** The form-level message in a polite live region, so screen readers hear the outcome. */
export function FormStatus({ state }: { state: ActionState<unknown> }) {
  return (
    <div aria-live="polite" aria-atomic="true" data-testid="form-status">
      {state.message && state.status !== "idle" && !state.stepUpRequired ? (
        <Alert tone={state.status === "ok" ? "success" : "error"}>
          {state.message}
          {state.links?.length ? (
            <span className="mt-1 flex flex-wrap gap-3">
              {state.links.map((link) => (
                <Link key={link.href} href={link.href} prefetch={false} className="font-medium underline">
                  {link.label}
                </Link>
              ))}
            </span>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
