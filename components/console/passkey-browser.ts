// What the browser side of a passkey ceremony shares: the shape of the server actions that hand
// out WebAuthn options, and the one wording of the browser's own refusals.
import type { ActionState } from "@/lib/forms/action-state";

/** A server action that answers with WebAuthn options for the browser (or why not). */
export type PasskeyOptionsAction<Options> = (
  state: ActionState<Options>,
  formData: FormData,
) => Promise<ActionState<Options>>;

/** The browser's WebAuthn errors (DOMException names) in words staff can act on. */
export function describePasskeyBrowserError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "AbortError":
      return "The passkey prompt was closed or timed out. Try again.";
    case "InvalidStateError":
      return "This authenticator already holds a passkey for your account.";
    case "SecurityError":
      return "Passkeys work only at this desk's own address (https, or http://localhost).";
    case "NotSupportedError":
      return "This browser or authenticator does not support passkeys.";
    default:
      return "The passkey could not be used. Try again, or sign in another way.";
  }
}

/** Calls an options action outside a form (the ceremony goes on in the browser before the next step). */
export function askForPasskeyOptions<Options>(
  action: PasskeyOptionsAction<Options>,
  form: FormData = new FormData(),
): Promise<ActionState<Options>> {
  return action({ status: "idle" }, form);
}
