// The one shape every server action returns to its form (CONVENTIONS.md #6). Expected failures
// (bad input, refused) are returned as state; unexpected ones throw to the route's error.tsx.
import type { z } from "zod";

export type ActionState = {
  status: "idle" | "ok" | "invalid" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export const idleState: ActionState = { status: "idle" };

export function invalidState(error: z.ZodError, message = "Please correct the highlighted fields."): ActionState {
  const flattened = error.flatten();
  return { status: "invalid", message, fieldErrors: flattened.fieldErrors as Record<string, string[]> };
}

export function errorState(message: string): ActionState {
  return { status: "error", message };
}

export function okState(message?: string): ActionState {
  return { status: "ok", message };
}
