"use server";

import { headers } from "next/headers";
import { requireStaff } from "@/lib/auth/current-staff";
import { confirmStaffStepUp } from "@/lib/auth/step-up";
import { errorState, okState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";

export async function confirmStepUp(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff();
  const result = await confirmStaffStepUp(staff, formFields(formData), clientIp(await headers()));
  if (result.ok) return okState("Confirmed.");
  return result.field
    ? { status: "invalid", message: result.message, fieldErrors: { [result.field]: [result.message] } }
    : errorState(result.message);
}
