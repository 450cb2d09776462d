"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { hasFreshStepUp, requireStaff } from "@/lib/auth/current-staff";
import { revealCustomerField } from "@/lib/customers/customer-overview";
import { errorState, invalidState, okState, stepUpRequiredState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { reasonField } from "@/lib/staff/schemas";

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
