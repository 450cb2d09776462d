"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { addCaseNote, assignCase, openCase, setCaseStatus, setChecklistItem } from "@/lib/cases/cases";
import { caseAssignSchema, caseNoteSchema, caseStatusSchema, checklistSchema, openCaseSchema } from "@/lib/cases/schemas";
import { errorState, invalidState, okState, type ActionState } from "@/lib/forms/action-state";
import { formFields } from "@/lib/forms/form-fields";
import { clientIp } from "@/lib/http/client-ip";

type Result = { ok: true } | { ok: false; message: string };

function done(result: Result, caseId: string, message: string): ActionState {
  if (!result.ok) return errorState(result.message);
  revalidatePath(`/console/cases/${caseId}`);
  return okState(message);
}

export async function openCaseAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("case:work");
  const parsed = openCaseSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const result = await openCase(staff, parsed.data, clientIp(await headers()));
  if (!result.ok) return errorState(result.message);
  redirect(`/console/cases/${result.data.id}`);
}

export async function addNoteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("case:work");
  const parsed = caseNoteSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  return done(await addCaseNote(staff, parsed.data.caseId, parsed.data.body, clientIp(await headers())), parsed.data.caseId, "Note added.");
}

export async function setCaseStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("case:work");
  const parsed = caseStatusSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const { caseId, status, outcome } = parsed.data;
  return done(await setCaseStatus(staff, caseId, status, outcome, clientIp(await headers())), caseId, "Status changed.");
}

export async function assignCaseAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("case:work");
  const parsed = caseAssignSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  return done(await assignCase(staff, parsed.data.caseId, parsed.data.assigneeId, clientIp(await headers())), parsed.data.caseId, "Assignee changed.");
}

export async function checklistAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await requireStaff("case:work");
  const parsed = checklistSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const { caseId, item, done: isDone } = parsed.data;
  return done(await setChecklistItem(staff, caseId, item, isDone === "true", clientIp(await headers())), caseId, "Checklist updated.");
}
