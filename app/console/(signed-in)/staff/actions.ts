"use server";

import { staffAction } from "@/lib/forms/staff-action";
import { changeRoleSchema, inviteSchema, staffActiveSchema, staffReasonSchema } from "@/lib/staff/schemas";
import {
  changeStaffRole,
  inviteStaff,
  resetStaffTotp,
  setStaffActive,
  unlockStaff,
} from "@/lib/staff/staff-admin";

const staffAdmin = { permission: "staff:manage", revalidate: "/console/staff" } as const;

export const inviteStaffAction = staffAction({ ...staffAdmin, schema: inviteSchema }, inviteStaff);

export const changeRoleAction = staffAction({ ...staffAdmin, schema: changeRoleSchema }, changeStaffRole);

export const setStaffActiveAction = staffAction({ ...staffAdmin, schema: staffActiveSchema }, setStaffActive);

export const unlockStaffAction = staffAction({ ...staffAdmin, schema: staffReasonSchema }, unlockStaff);

export const resetStaffTotpAction = staffAction({ ...staffAdmin, schema: staffReasonSchema }, resetStaffTotp);
