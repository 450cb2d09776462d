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
import {
  bulkAssignSchema,
  caseAssignSchema,
  caseNoteSchema,
  caseStatusSchema,
  checklistSchema,
  openCaseSchema,
} from "@/lib/cases/schemas";
import { staffAction } from "@/lib/forms/staff-action";

const casePage = (input: { caseId: string }) => `/console/cases/${input.caseId}`;

export const openCaseAction = staffAction(
  { permission: "case:work", schema: openCaseSchema },
  async (ctx, input) => {
    const result = await openCase(ctx, input);
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
