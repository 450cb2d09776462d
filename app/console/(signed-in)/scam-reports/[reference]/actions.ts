"use server";

import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { errorState, invalidState, okState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { linkCustomerSchema, openCaseSchema, triageSchema } from "@/lib/scam-reports/schemas";
import { linkCustomerToReport, openCaseFromReport, updateTriage, type TriageResult } from "@/lib/scam-reports/triage";

function toState(result: TriageResult, reference: string): ActionState {
  if (result.ok) {
    revalidatePath(`/console/scam-reports/${reference}`);
    return okState(result.message);
  }
  return result.field ? { status: "invalid", message: result.message, fieldErrors: { [result.field]: [result.message] } } : errorState(result.message);
}

/** Status and assignee of a report. */
export async function triageScamReportAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("scam-report:triage");
  const parsed = triageSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  return toState(await updateTriage(staff, parsed.data, clientIp(await headers())), parsed.data.reference);
}

/** Links the customer the report is about (found by email, phone or id; the lookup is audited). */
export async function linkCustomerAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("scam-report:triage");
  const parsed = linkCustomerSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  return toState(await linkCustomerToReport(staff, parsed.data, clientIp(await headers())), parsed.data.reference);
}

/** Opens a compromised-account case for the linked customer and escalates the report. */
export async function openCaseFromReportAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("scam-report:triage");
  if (!can(staff, "case:work")) forbidden();
  const parsed = openCaseSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  return toState(await openCaseFromReport(staff, parsed.data, clientIp(await headers())), parsed.data.reference);
}
