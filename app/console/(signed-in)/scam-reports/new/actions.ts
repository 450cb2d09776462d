"use server";

import { redirect } from "next/navigation";
import { staffAction } from "@/lib/forms/staff-action";
import { recordStaffReport } from "@/lib/scam-reports/intake";
import { staffReportSchema } from "@/lib/scam-reports/schemas";
import { refreshPriorities } from "@/lib/workspace/priority-refresh";

/** An agent records a report taken by phone, optionally linked to a customer and a case. */
export const recordScamReportAction = staffAction(
  { permission: "scam-report:record", schema: staffReportSchema },
  async (ctx, input) => {
    const result = await recordStaffReport(ctx, input);
    if (result.ok) {
      await refreshPriorities({ reportReferences: [result.data.reference] });
      redirect(`/console/scam-reports/${result.data.reference}?recorded=1`);
    }
    return result;
  },
);
