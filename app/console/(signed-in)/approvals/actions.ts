"use server";

import { staffAction } from "@/lib/forms/staff-action";
import { decideFactorReset } from "@/lib/resets/factor-resets";
import { resetDecisionSchema } from "@/lib/resets/schemas";
import { decideContactRestore } from "@/lib/account-actions/contact-restores";
import { restoreDecisionSchema } from "@/lib/account-actions/schemas";

// No revalidation: the card stays on screen with the decision and links to the customer and case
// (a refreshed list would make it vanish with nothing to confirm what happened).
export const decideResetAction = staffAction(
  { permission: "reset:approve", schema: resetDecisionSchema },
  decideFactorReset,
);

export const decideRestoreAction = staffAction(
  { permission: "reset:approve", schema: restoreDecisionSchema },
  decideContactRestore,
);
