"use server";

// Staff administration actions. Order (CONVENTIONS #2): authenticate and authorise
// (requireStaff) → parse → step-up → mutate with audit (lib/staff) → revalidate → state.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { hasFreshStepUp, requireStaff } from "@/lib/auth/current-staff";
import { errorState, invalidState, okState, stepUpRequiredState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { changeRoleSchema, inviteSchema, staffReasonSchema } from "@/lib/staff/schemas";
import { changeStaffRole, inviteStaff, resetStaffTotp, setStaffActive, unlockStaff, type StaffAdminResult } from "@/lib/staff/staff-admin";

export type InviteLink = { path: string };

function toState<Data>(result: StaffAdminResult<Data>): ActionState<Data> {
  if (!result.ok) return errorState(result.message);
  revalidatePath("/console/staff");
  return okState(result.message, result.data);
}

function linkFor(result: StaffAdminResult<{ token: string }>): StaffAdminResult<InviteLink> {
  if (!result.ok) return result;
  return { ok: true, message: result.message, data: result.data ? { path: `/invite/${result.data.token}` } : undefined };
}

export async function inviteStaffAction(_state: ActionState<InviteLink>, formData: FormData): Promise<ActionState<InviteLink>> {
  const admin = await requireStaff("staff:manage");
  const parsed = inviteSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(admin)) return stepUpRequiredState;
  return toState(linkFor(await inviteStaff(admin, parsed.data, clientIp(await headers()))));
}

export async function changeRoleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireStaff("staff:manage");
  const parsed = changeRoleSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(admin)) return stepUpRequiredState;
  return toState(await changeStaffRole(admin, parsed.data.staffId, parsed.data.role, parsed.data.reason, clientIp(await headers())));
}

/** One action for both directions, so the form (and its result message) stays mounted as the status flips. */
export async function setStaffActiveAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireStaff("staff:manage");
  const parsed = staffReasonSchema.extend({ active: z.enum(["true", "false"]) }).safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(admin)) return stepUpRequiredState;
  const { staffId, reason, active } = parsed.data;
  return toState(await setStaffActive(admin, staffId, active === "true", reason, clientIp(await headers())));
}

export async function unlockStaffAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireStaff("staff:manage");
  const parsed = staffReasonSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(admin)) return stepUpRequiredState;
  return toState(await unlockStaff(admin, parsed.data.staffId, parsed.data.reason, clientIp(await headers())));
}

export async function resetStaffTotpAction(_state: ActionState<InviteLink>, formData: FormData): Promise<ActionState<InviteLink>> {
  const admin = await requireStaff("staff:manage");
  const parsed = staffReasonSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(admin)) return stepUpRequiredState;
  return toState(linkFor(await resetStaffTotp(admin, parsed.data.staffId, parsed.data.reason, clientIp(await headers()))));
}
