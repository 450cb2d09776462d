"use server";

import { headers } from "next/headers";
import { errorState, invalidState, okState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { acceptInvite } from "@/lib/staff/enrolment";

type Enrolment = { email: string; recoveryCodes: string[] };

// Authorised by the invitation token itself (single use, 72 h, stored hashed).
export async function acceptInvitation(token: string, _state: ActionState<Enrolment>, formData: FormData): Promise<ActionState<Enrolment>> {
  if (typeof token !== "string") return errorState("This invitation link is not valid.");
  const result = await acceptInvite(token, formFields(formData), clientIp(await headers()));
  if (result.ok) return okState("You are enrolled.", { email: result.email, recoveryCodes: result.recoveryCodes });
  return "error" in result ? invalidState(result.error) : errorState(result.message);
}
