// The one shape every server action returns to its form. Expected failures (bad input, refused)
// are returned as state; unexpected ones throw to the route's error.tsx.
import type { z } from "zod";
import type { Result, ResultLink } from "@/lib/result";

export type ActionState<Data = undefined> = {
  status: "idle" | "ok" | "invalid" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The action needs a fresh second factor: the form asks for it inline and resubmits. */
  stepUpRequired?: boolean;
  /** What a successful action hands back to show once (e.g. recovery codes, an invitation link). */
  data?: Data;
  /** Where to go from a refusal (the case already open for this customer). */
  links?: ResultLink[];
};

export const idleState: ActionState = { status: "idle" };

export function invalidState(
  error: z.ZodError,
  message = "Please correct the highlighted fields.",
): ActionState<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { status: "invalid", message, fieldErrors };
}

export function errorState(message: string): ActionState<never> {
  return { status: "error", message };
}

export function okState<Data = undefined>(message?: string, data?: Data): ActionState<Data> {
  return { status: "ok", message, data };
}

/** A lib area's answer as the form shows it: a refusal about one field is shown at that field. */
export function resultState<Data>(result: Result<Data>): ActionState<Data> {
  if (result.ok) return okState(result.message, result.data);
  const state: ActionState<Data> = result.field
    ? { status: "invalid", message: result.message, fieldErrors: { [result.field]: [result.message] } }
    : errorState(result.message);
  return result.links ? { ...state, links: result.links } : state;
}

export const stepUpRequiredState: ActionState<never> = {
  status: "error",
  stepUpRequired: true,
  message: "Confirm it's you: enter the current code from your authenticator app.",
};
