"use server";

import { redirect } from "next/navigation";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { staffAction } from "@/lib/forms/staff-action";
import { revokeSessionSchema } from "@/lib/staff/schemas";
import { revokeOwnSession, signOutEverywhere } from "@/lib/staff/staff-admin";

export const revokeSessionAction = staffAction(
  { permission: "console:use", schema: revokeSessionSchema, revalidate: "/console/account" },
  revokeOwnSession,
);

// "Sign out everywhere" takes no input and answers no form: it is a plain form that works without
// JavaScript, so it is not a staffAction. (Signing out of this browser is next-auth's own endpoint,
// whose signOut event ends the session row: lib/auth/auth-options.ts.)

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(await requireStaffContext());
  redirect("/console/sign-in?reason=signed-out-everywhere");
}
