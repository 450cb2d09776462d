"use server";

import { staffAction } from "@/lib/forms/staff-action";
import { linkCustomerSchema, openCaseFromReportSchema, triageSchema } from "@/lib/scam-reports/schemas";
import { linkCustomerToReport, openCaseFromReport, updateTriage } from "@/lib/scam-reports/triage";
import { refreshPriorities } from "@/lib/workspace/priority-refresh";

const reportPage = (input: { reference: string }) => `/console/scam-reports/${input.reference}`;

/** Status and assignee of a report. */
export const triageScamReportAction = staffAction(
  { permission: "scam-report:triage", schema: triageSchema, revalidate: reportPage },
  updateTriage,
);

/** Links the customer the report is about (found by email, phone or id; the lookup is audited). */
export const linkCustomerAction = staffAction(
  { permission: "scam-report:triage", schema: linkCustomerSchema, revalidate: reportPage },
  async (ctx, input) => {
    const result = await linkCustomerToReport(ctx, input);
    // The customer's takeover verdict now counts towards the report's priority.
    if (result.ok) await refreshPriorities({ reportReferences: [input.reference] });
    return result;
  },
);

/** Opens a compromised-account case for the linked customer and escalates the report. */
export const openCaseFromReportAction = staffAction(
  {
    permission: ["scam-report:triage", "case:work"],
    schema: openCaseFromReportSchema,
    revalidate: reportPage,
  },
  async (ctx, input) => {
    const result = await openCaseFromReport(ctx, input);
    if (result.ok) await refreshPriorities({ reportReferences: [input.reference] });
    return result;
  },
);
