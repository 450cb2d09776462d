"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { hasFreshStepUp, requireStaff } from "@/lib/auth/current-staff";
import { revealCustomerField } from "@/lib/customers/customer-overview";
import { errorState, invalidState, okState, stepUpRequiredState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { reasonField } from "@/lib/staff/schemas";
import { requestFactorReset } from "@/lib/resets/factor-resets";
import { resetRequestSchema } from "@/lib/resets/schemas";
import { revalidatePath } from "next/cache";

const revealSchema = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  field: z.enum(["email", "phone"], { error: "Choose what to reveal." }),
  reason: reasonField,
});

export type Revealed = { value: string };

/** Shows one unmasked detail after step-up, with a reason; audited in the same transaction. */
export async function revealCustomerFieldAction(_state: ActionState<Revealed>, formData: FormData): Promise<ActionState<Revealed>> {
  const staff = await requireStaff("customer:reveal-pii");
  const parsed = revealSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(staff)) return stepUpRequiredState;
  const value = await revealCustomerField(staff, parsed.data.customerId, parsed.data.field, parsed.data.reason, clientIp(await headers()));
  if (value === null) return errorState("That customer does not exist.");
  return okState("Shown for this page only; recorded in the audit log.", { value });
}

/** Step 1 of the guarded 2FA reset: the agent's verification and reason; risky accounts wait for approval. */
export async function requestResetAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("reset:request");
  const parsed = resetRequestSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(staff)) return stepUpRequiredState;
  const result = await requestFactorReset(staff, parsed.data, clientIp(await headers()));
  if (!result.ok) return errorState(result.message);
  revalidatePath(`/console/customers/${parsed.data.customerId}`);
  return okState(result.message);
}
