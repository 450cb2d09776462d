"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { hasFreshStepUp, requireStaff } from "@/lib/auth/current-staff";
import { errorState, invalidState, okState, stepUpRequiredState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { decideFactorReset } from "@/lib/resets/factor-resets";
import { resetDecisionSchema } from "@/lib/resets/schemas";

export async function decideResetAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const approver = await requireStaff("reset:approve");
  const parsed = resetDecisionSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(approver)) return stepUpRequiredState;
  const result = await decideFactorReset(approver, parsed.data.resetId, parsed.data.decision, parsed.data.note, clientIp(await headers()));
  if (!result.ok) return errorState(result.message);
  revalidatePath("/console/approvals");
  return okState(result.message);
}
