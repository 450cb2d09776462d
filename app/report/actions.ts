"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formFields } from "@/lib/forms/form-fields";
import { clientFingerprint } from "@/lib/http/client-ip";
import { submitPublicReport, type PublicReportState } from "@/lib/scam-reports/intake";
import { refreshPriorities } from "@/lib/workspace/priority-refresh";

/**
 * The public scam-report form. Public by design: protected by a per-client rate limit, a honeypot
 * field and a signed minimum-fill-time token instead of a sign-in. Works without JavaScript (the
 * form posts here natively and success is a 303 to the confirmation page).
 */
export async function submitScamReport(
  _state: PublicReportState,
  formData: FormData,
): Promise<PublicReportState> {
  const outcome = await submitPublicReport(formFields(formData), clientFingerprint(await headers()));
  if (outcome.ok) {
    await refreshPriorities({ reportReferences: [outcome.reference] });
    redirect(outcome.redirectTo);
  }
  return outcome.state;
}
