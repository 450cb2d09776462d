"use client";

// The console layout hands its step-up action to every form below it, so shared components never
// import a route's server action (components/ does not depend on app/).
import { createContext, useContext, type ReactNode } from "react";
import type { ActionState } from "@/lib/forms/action-state";

export type ConfirmStepUp = (state: ActionState, formData: FormData) => Promise<ActionState>;

const StepUpContext = createContext<ConfirmStepUp | null>(null);

export function StepUpProvider({ confirm, children }: { confirm: ConfirmStepUp; children: ReactNode }) {
  return <StepUpContext value={confirm}>{children}</StepUpContext>;
}

/** The console's step-up action; null outside the signed-in console (public forms never need it). */
export function useConfirmStepUp(): ConfirmStepUp | null {
  return useContext(StepUpContext);
}
