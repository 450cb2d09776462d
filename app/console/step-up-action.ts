"use server";

import { passkeyAssertionSchema } from "@/lib/auth/passkey-schemas";
import { stepUpSchema } from "@/lib/auth/schemas";
import { confirmStaffStepUp, confirmStaffStepUpWithPasskey } from "@/lib/auth/step-up";
import { staffAction } from "@/lib/forms/staff-action";

export const confirmStepUp = staffAction(
  { permission: "session:confirm", schema: stepUpSchema },
  confirmStaffStepUp,
);

export const confirmStepUpWithPasskey = staffAction(
  { permission: "session:confirm", schema: passkeyAssertionSchema },
  confirmStaffStepUpWithPasskey,
);
