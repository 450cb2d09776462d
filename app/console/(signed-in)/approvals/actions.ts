"use server";

import { staffAction } from "@/lib/forms/staff-action";
import { decideFactorReset } from "@/lib/resets/factor-resets";
import { resetDecisionSchema } from "@/lib/resets/schemas";

export const decideResetAction = staffAction(
  { permission: "reset:approve", schema: resetDecisionSchema, revalidate: "/console/approvals" },
  decideFactorReset,
);
