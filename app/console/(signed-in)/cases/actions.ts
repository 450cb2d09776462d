"use server";

import { redirect } from "next/navigation";
import {
  addCaseNote,
  assignCase,
  assignCases,
  openCase,
  setCaseStatus,
  setChecklistItem,
} from "@/lib/cases/cases";
import { setCasesStatus } from "@/lib/cases/bulk-status";
import {
  bulkAssignSchema,
  bulkCaseStatusSchema,
  caseAssignSchema,
  caseNoteSchema,
  caseStatusSchema,
  checklistSchema,
  openCaseSchema,
} from "@/lib/cases/schemas";
import { staffAction } from "@/lib/forms/staff-action";
import { refreshPriorities } from "@/lib/workspace/priority-refresh";

const casePage = (input: { caseId: string }) => `/console/cases/${input.caseId}`;

export const openCaseAction = staffAction(
  { permission: "case:work", schema: openCaseSchema },
  async (ctx, input) => {
    const result = await openCase(ctx, input);
    if (result.ok) await refreshPriorities({ caseIds: [result.data.id] });
    if (result.ok) redirect(`/console/cases/${result.data.id}`);
    return result;
  },
);

export const addNoteAction = staffAction(
  { permission: "case:work", schema: caseNoteSchema, revalidate: casePage },
  addCaseNote,
);

export const setCaseStatusAction = staffAction(
  { permission: "case:work", schema: caseStatusSchema, revalidate: casePage },
  setCaseStatus,
);

export const assignCaseAction = staffAction(
  { permission: "case:work", schema: caseAssignSchema, revalidate: casePage },
  assignCase,
);

export const checklistAction = staffAction(
  { permission: "case:work", schema: checklistSchema, revalidate: casePage },
  setChecklistItem,
);

export const bulkAssignCasesAction = staffAction(
  { permission: "case:work", schema: bulkAssignSchema, revalidate: "/console/cases" },
  assignCases,
);

/** Changes the status of the ticked cases, all or none, one note and audit event each. */
export const bulkCaseStatusAction = staffAction(
  { permission: "case:work", schema: bulkCaseStatusSchema, revalidate: "/console/cases" },
  setCasesStatus,
);
