"use server";

import { staffAction } from "@/lib/forms/staff-action";
import { linkCustomerSchema, openCaseFromReportSchema, triageSchema } from "@/lib/scam-reports/schemas";
import { linkCustomerToReport, openCaseFromReport, updateTriage } from "@/lib/scam-reports/triage";

const reportPage = (input: { reference: string }) => `/console/scam-reports/${input.reference}`;

/** Status and assignee of a report. */
export const triageScamReportAction = staffAction(
  { permission: "scam-report:triage", schema: triageSchema, revalidate: reportPage },
  updateTriage,
);

/** Links the customer the report is about (found by email, phone or id; the lookup is audited). */
export const linkCustomerAction = staffAction(
  { permission: "scam-report:triage", schema: linkCustomerSchema, revalidate: reportPage },
  linkCustomerToReport,
);

/** Opens a compromised-account case for the linked customer and escalates the report. */
export const openCaseFromReportAction = staffAction(
  {
    permission: ["scam-report:triage", "case:work"],
    schema: openCaseFromReportSchema,
    revalidate: reportPage,
  },
  openCaseFromReport,
);
