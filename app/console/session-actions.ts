"use server";

import { redirect } from "next/navigation";
import { getCurrentStaff, requireStaffContext, staffContext } from "@/lib/auth/current-staff";
import { staffAction } from "@/lib/forms/staff-action";
import { clientIp } from "@/lib/http/client-ip";
import { revokeSessionSchema } from "@/lib/staff/schemas";
import { revokeOwnSession, signOutEverywhere } from "@/lib/staff/staff-admin";
import { headers } from "next/headers";

export const revokeSessionAction = staffAction(
  { permission: "console:use", schema: revokeSessionSchema, revalidate: "/console/account" },
  revokeOwnSession,
);

// The two actions below take no input and answer no form, so they are not staffAction forms:
// sign-out must work for a session that is already half gone, and "sign out everywhere" is a
// plain form that works without JavaScript.

/** Sign-out: ends this session's row; the sign-out button then clears the cookie. */
export async function endCurrentSession(): Promise<void> {
  const staff = await getCurrentStaff();
  if (staff)
    await revokeOwnSession(staffContext(staff, clientIp(await headers())), { sessionId: staff.sessionId });
}

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(await requireStaffContext());
  redirect("/console/sign-in?reason=signed-out-everywhere");
}
