"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentStaff, requireStaff } from "@/lib/auth/current-staff";
import { errorState, okState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { revokeOwnSession, signOutEverywhere } from "@/lib/staff/staff-admin";
import { revalidatePath } from "next/cache";

/** Sign-out: ends this session's row; the sign-out button then clears the cookie. */
export async function endCurrentSession(): Promise<void> {
  const staff = await getCurrentStaff();
  if (staff) await revokeOwnSession(staff, staff.sessionId, clientIp(await headers()));
}

export async function signOutEverywhereAction(): Promise<void> {
  const staff = await requireStaff();
  await signOutEverywhere(staff, clientIp(await headers()));
  redirect("/console/sign-in?reason=signed-out-everywhere");
}

export async function revokeSessionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff();
  const parsed = z.object({ sessionId: z.uuid() }).safeParse(formFields(formData));
  if (!parsed.success) return errorState("Unknown session.");
  const revoked = await revokeOwnSession(staff, parsed.data.sessionId, clientIp(await headers()));
  if (!revoked) return errorState("That session has already ended.");
  revalidatePath("/console/account");
  return okState("Session ended.");
}
