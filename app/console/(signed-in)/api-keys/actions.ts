"use server";

// API key management (admins only). Order (CONVENTIONS #2): authenticate and authorise
// (requireStaff) → parse → step-up → mutate with audit (lib/api-keys) → revalidate → state.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { hasFreshStepUp, requireStaff } from "@/lib/auth/current-staff";
import { errorState, invalidState, okState, stepUpRequiredState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";

/** Handed to the form once, to show the new key; it is not stored anywhere in clear. */
export type NewApiKey = { name: string; key: string; prefix: string };

export async function createApiKeyAction(_state: ActionState<NewApiKey>, formData: FormData): Promise<ActionState<NewApiKey>> {
  const admin = await requireStaff("api-key:manage");
  const parsed = createApiKeySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(admin)) return stepUpRequiredState;
  const result = await createApiKey(admin, parsed.data, clientIp(await headers()));
  if (!result.ok || !result.data) return errorState(result.message);
  revalidatePath("/console/api-keys");
  return okState(result.message, { name: parsed.data.name, key: result.data.key, prefix: result.data.prefix });
}

export async function revokeApiKeyAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireStaff("api-key:manage");
  const parsed = revokeApiKeySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  if (!hasFreshStepUp(admin)) return stepUpRequiredState;
  const result = await revokeApiKey(admin, parsed.data.keyId, parsed.data.reason, clientIp(await headers()));
  if (!result.ok) return errorState(result.message);
  revalidatePath("/console/api-keys");
  return okState(result.message);
}
