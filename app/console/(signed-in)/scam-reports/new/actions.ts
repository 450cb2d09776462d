"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { invalidState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";
import { recordStaffReport } from "@/lib/scam-reports/intake";
import { staffReportSchema } from "@/lib/scam-reports/schemas";

/** An agent records a report taken by phone, optionally linked to a customer and a case. */
export async function recordScamReportAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("scam-report:record");
  const parsed = staffReportSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const result = await recordStaffReport(staff, parsed.data, clientIp(await headers()));
  if (!result.ok) return result.state;
  redirect(`/console/scam-reports/${result.report.reference}?recorded=1`);
}
