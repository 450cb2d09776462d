"use server";

import { markFeedbackHandled } from "@/lib/feedback/insight";
import { markFeedbackHandledSchema } from "@/lib/feedback/schemas";
import { staffAction } from "@/lib/forms/staff-action";

export const markFeedbackHandledAction = staffAction(
  { permission: "content:manage", schema: markFeedbackHandledSchema, revalidate: "/console/help-center" },
  markFeedbackHandled,
);
