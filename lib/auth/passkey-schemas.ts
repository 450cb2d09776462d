// Input schemas for passkey (WebAuthn) ceremonies, shared by the forms and the server. The browser
// posts the authenticator's answer as one JSON text field; it is parsed here into the shape
// @simplewebauthn/server expects, so a malformed answer is refused with a message before any
// verification runs (and never reaches it as something that could throw).
// First, so zod is jitless before any schema below is built (lib/forms/zod-csp.ts says why).
import "@/lib/forms/zod-csp";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";

/** A WebAuthn answer is a few kB at most (attestation "none", no certificates). */
const MAX_RESPONSE_LENGTH = 16_000;
const MALFORMED = "Your browser's passkey answer could not be read. Try again.";

const base64url = z
  .string({ error: MALFORMED })
  .regex(/^[A-Za-z0-9_-]+$/, MALFORMED)
  .max(8_000, MALFORMED);
const TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;

const registrationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key", { error: MALFORMED }),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    // Browsers may add transports we do not know yet: keep only the ones we do.
    transports: z
      .array(z.string().max(30))
      .max(10)
      .optional()
      .transform((values) =>
        (values ?? []).filter((value): value is (typeof TRANSPORTS)[number] =>
          (TRANSPORTS as readonly string[]).includes(value),
        ),
      ),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

const authenticationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key", { error: MALFORMED }),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

/** A JSON text field parsed, then checked against `shape`. */
function jsonField<Shape extends z.ZodType>(shape: Shape) {
  return z
    .string({ error: MALFORMED })
    .min(1, MALFORMED)
    .max(MAX_RESPONSE_LENGTH, MALFORMED)
    .transform((text, context): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        context.issues.push({ code: "custom", message: MALFORMED, input: text });
        return z.NEVER;
      }
    })
    .pipe(shape);
}

export const passkeyNameField = storableString({ error: "Name this passkey." })
  .trim()
  .min(1, "Name this passkey, for example “Work laptop”.")
  .max(60, "Keep the name under 60 characters.");

/** Starting an enrolment: the name is checked before the browser asks the authenticator. */
export const passkeyEnrolmentStartSchema = z.object({ name: passkeyNameField });

export const passkeyEnrolmentSchema = z.object({
  name: passkeyNameField,
  response: jsonField(registrationResponse),
});

/** An assertion: signing in with a passkey, or confirming a privileged action with one. */
export const passkeyAssertionSchema = z.object({ response: jsonField(authenticationResponse) });

export const passkeyRemovalSchema = z.object({
  passkeyId: z.uuid({ error: "Unknown passkey." }),
});

/** Asking for a challenge takes no input. */
export const passkeyOptionsSchema = z.object({});

export type PasskeyEnrolmentInput = z.output<typeof passkeyEnrolmentSchema>;
export type PasskeyAssertionInput = z.output<typeof passkeyAssertionSchema>;
