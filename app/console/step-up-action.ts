"use server";

import { stepUpSchema } from "@/lib/auth/schemas";
import { confirmStaffStepUp } from "@/lib/auth/step-up";
import { staffAction } from "@/lib/forms/staff-action";

export const confirmStepUp = staffAction(
  { permission: "console:use", schema: stepUpSchema },
  confirmStaffStepUp,
);
