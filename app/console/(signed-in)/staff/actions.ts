"use server";

import { staffAction } from "@/lib/forms/staff-action";
import {
  changeRoleSchema,
  inviteDecisionSchema,
  inviteSchema,
  signInPolicySchema,
  staffActiveSchema,
  staffReasonSchema,
} from "@/lib/staff/schemas";
import {
  changeStaffRole,
  inviteStaff,
  resendInvite,
  revokeInvite,
  resetStaffTotp,
  setStaffActive,
  unlockStaff,
} from "@/lib/staff/staff-admin";
import { updateSignInPolicy } from "@/lib/staff/sign-in-policy";

const staffAdmin = { permission: "staff:manage", revalidate: "/console/staff" } as const;

export const inviteStaffAction = staffAction({ ...staffAdmin, schema: inviteSchema }, (ctx, input) =>
  inviteStaff(ctx, input),
);

// No revalidation: the revoked invitation stays on screen with its confirmation until the next visit,
// rather than vanishing with the message.
export const revokeInviteAction = staffAction(
  { permission: "staff:manage", schema: inviteDecisionSchema },
  revokeInvite,
);

export const resendInviteAction = staffAction({ ...staffAdmin, schema: inviteDecisionSchema }, (ctx, input) =>
  resendInvite(ctx, input),
);

export const changeRoleAction = staffAction({ ...staffAdmin, schema: changeRoleSchema }, changeStaffRole);

export const setStaffActiveAction = staffAction({ ...staffAdmin, schema: staffActiveSchema }, setStaffActive);

export const unlockStaffAction = staffAction({ ...staffAdmin, schema: staffReasonSchema }, unlockStaff);

export const resetStaffTotpAction = staffAction({ ...staffAdmin, schema: staffReasonSchema }, resetStaffTotp);

export const updateSignInPolicyAction = staffAction(
  { ...staffAdmin, schema: signInPolicySchema },
  updateSignInPolicy,
);
