"use server";

import { takeProtectiveAction, unlockAccount } from "@/lib/account-actions/account-actions";
import { requestContactRestore } from "@/lib/account-actions/contact-restores";
import { protectiveActionSchema, restoreContactSchema, unlockSchema } from "@/lib/account-actions/schemas";
import { revealCustomerField } from "@/lib/customers/customer-overview";
import { revealFieldSchema } from "@/lib/customers/schemas";
import { staffAction } from "@/lib/forms/staff-action";
import { requestFactorReset } from "@/lib/resets/factor-resets";
import { resetRequestSchema } from "@/lib/resets/schemas";
import {
  cancelCallerVerification,
  clearResetBlock,
  requestCallerVerification,
} from "@/lib/caller-verification/caller-verification";
import {
  clearResetBlockSchema,
  verificationCancelSchema,
  verificationRequestSchema,
} from "@/lib/caller-verification/schemas";

/** Shows one unmasked detail after step-up, with a reason; audited in the same transaction. */
export const revealCustomerFieldAction = staffAction(
  { permission: "customer:reveal-pii", schema: revealFieldSchema },
  revealCustomerField,
);

/**
 * Step 1 of the guarded 2FA reset: the agent's verification and reason; risky accounts wait for
 * approval. No revalidation: console pages render on every request anyway, and refreshing this
 * one would replace the form (and its confirmation) with "no second factor left".
 */
export const requestResetAction = staffAction(
  { permission: "reset:request", schema: resetRequestSchema },
  requestFactorReset,
);

const customerPage = (input: { customerId: string }) => `/console/customers/${input.customerId}`;

/** End one session or all, require a new password, lock: protective, so no step-up. */
export const protectAccountAction = staffAction(
  { permission: "account:protect", schema: protectiveActionSchema, revalidate: customerPage },
  takeProtectiveAction,
);

export const unlockAccountAction = staffAction(
  { permission: "account:restore", schema: unlockSchema, revalidate: customerPage },
  unlockAccount,
);

/** Puts back a replaced email or phone; risky accounts wait for a supervisor. */
export const restoreContactAction = staffAction(
  { permission: "account:restore", schema: restoreContactSchema, revalidate: customerPage },
  requestContactRestore,
);

/** Sends the customer a "is it you on the phone?" request on a contact they still hold. */
export const requestCallerVerificationAction = staffAction(
  { permission: "caller:verify", schema: verificationRequestSchema, revalidate: customerPage },
  requestCallerVerification,
);

export const cancelCallerVerificationAction = staffAction(
  { permission: "caller:verify", schema: verificationCancelSchema, revalidate: customerPage },
  cancelCallerVerification,
);

/** A supervisor lifts the block a customer's "No" put on resets (step-up, with a note). */
export const clearResetBlockAction = staffAction(
  { permission: "reset:unblock", schema: clearResetBlockSchema, revalidate: customerPage },
  clearResetBlock,
);
