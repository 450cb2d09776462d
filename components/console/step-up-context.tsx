"use client";

// The console layout hands its step-up actions to every form below it, so shared components never
// import a route's server action (components/ does not depend on app/).
import { createContext, useContext, type ReactNode } from "react";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import type { ActionState } from "@/lib/forms/action-state";
import type { PasskeyOptionsAction } from "./passkey-browser";

export type ConfirmStepUp = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Step-up with a passkey: a challenge for the staff member's own passkeys, then its answer. */
export type PasskeyStepUp = {
  start: PasskeyOptionsAction<PublicKeyCredentialRequestOptionsJSON>;
  confirm: ConfirmStepUp;
};

/** How this staff member can prove it is them again: the prompt offers only what they have. */
export type StepUpMethods = {
  /** An authenticator app (password + code accounts). */
  code: boolean;
  /** The company's identity provider: a fresh sign-on (prompt=login) counts from its auth_time. */
  sso: { name: string } | null;
};

type StepUpActions = { confirm: ConfirmStepUp; passkey: PasskeyStepUp | null; methods: StepUpMethods };

const EVERY_METHOD_BUT_SSO: StepUpMethods = { code: true, sso: null };

const StepUpContext = createContext<StepUpActions | null>(null);

export function StepUpProvider({
  confirm,
  passkey,
  methods = EVERY_METHOD_BUT_SSO,
  children,
}: {
  confirm: ConfirmStepUp;
  /** Only when the staff member has a passkey: then the prompt offers it first. */
  passkey: PasskeyStepUp | null;
  methods?: StepUpMethods;
  children: ReactNode;
}) {
  return <StepUpContext value={{ confirm, passkey, methods }}>{children}</StepUpContext>;
}

/** The console's step-up action; null outside the signed-in console (public forms never need it). */
export function useConfirmStepUp(): ConfirmStepUp | null {
  return useContext(StepUpContext)?.confirm ?? null;
}

/** Passkey step-up, when the signed-in staff member has a passkey. */
export function usePasskeyStepUp(): PasskeyStepUp | null {
  return useContext(StepUpContext)?.passkey ?? null;
}

/** Which other ways of confirming the prompt offers. */
export function useStepUpMethods(): StepUpMethods {
  return useContext(StepUpContext)?.methods ?? EVERY_METHOD_BUT_SSO;
}
