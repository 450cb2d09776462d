"use server";

import {
  passkeyEnrolmentSchema,
  passkeyEnrolmentStartSchema,
  passkeyOptionsSchema,
  passkeyRemovalSchema,
} from "@/lib/auth/passkey-schemas";
import {
  enrolPasskey,
  passkeyAssertionOptions,
  passkeyEnrolmentOptions,
  removePasskey,
} from "@/lib/auth/passkeys";
import { staffAction } from "@/lib/forms/staff-action";

const ownPasskeys = { permission: "passkey:manage", revalidate: "/console/account" } as const;

/** The browser's WebAuthn creation options for a new passkey of the caller's (step-up first). */
export const startPasskeyEnrolmentAction = staffAction(
  { permission: "passkey:manage", schema: passkeyEnrolmentStartSchema },
  (ctx) => passkeyEnrolmentOptions(ctx),
);

export const enrolPasskeyAction = staffAction(
  { ...ownPasskeys, schema: passkeyEnrolmentSchema },
  enrolPasskey,
);

export const removePasskeyAction = staffAction(
  { ...ownPasskeys, schema: passkeyRemovalSchema },
  removePasskey,
);

/** A step-up challenge for the caller's own passkeys (asked before the step-up itself). */
export const startPasskeyStepUpAction = staffAction(
  { permission: "session:confirm", schema: passkeyOptionsSchema },
  (ctx) => passkeyAssertionOptions("step-up", ctx.staff.id),
);
