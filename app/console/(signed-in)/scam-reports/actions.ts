"use server";

import { staffAction } from "@/lib/forms/staff-action";
import { setReportsStatus } from "@/lib/scam-reports/bulk-status";
import { bulkAssignReportsSchema, bulkReportStatusSchema } from "@/lib/scam-reports/schemas";
import { assignReports } from "@/lib/scam-reports/triage";

/** Assigns the reports ticked in the queue, all or none, one audit event each. */
export const bulkAssignReportsAction = staffAction(
  { permission: "scam-report:triage", schema: bulkAssignReportsSchema, revalidate: "/console/scam-reports" },
  assignReports,
);

/** Changes the status of the ticked reports, all or none, one audit event each. */
export const bulkReportStatusAction = staffAction(
  { permission: "scam-report:triage", schema: bulkReportStatusSchema, revalidate: "/console/scam-reports" },
  setReportsStatus,
);
