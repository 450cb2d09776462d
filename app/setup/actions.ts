"use server";

import { headers } from "next/headers";
import { errorState, invalidState, okState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { createFirstAdmin } from "@/lib/staff/enrolment";

type Enrolment = { email: string; recoveryCodes: string[] };

// Public by necessity (nobody can be signed in yet); createFirstAdmin refuses once any staff exists.
export async function setUpFirstAdmin(_state: ActionState<Enrolment>, formData: FormData): Promise<ActionState<Enrolment>> {
  const result = await createFirstAdmin(formFields(formData), clientIp(await headers()));
  if (result.ok) return okState("Your administrator account is ready.", { email: result.email, recoveryCodes: result.recoveryCodes });
  return "error" in result ? invalidState(result.error) : errorState(result.message);
}
