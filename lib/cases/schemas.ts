import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";

export const CASE_TYPES = [
  "COMPROMISED_ACCOUNT",
  "LOST_PHONE",
  "UNREQUESTED_CODES",
  "CODE_NOT_ARRIVING",
  "SCAM_CALL",
] as const;
export const CASE_STATUSES = ["OPEN", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "CLOSED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const openCaseSchema = z.object({
  customerId: z.uuid({ error: "Choose a customer." }),
  type: z.enum(CASE_TYPES, { error: "Choose the kind of case." }),
  subject: storableString({ error: "Give the case a short subject." })
    .trim()
    .min(3, "Give the case a short subject.")
    .max(200, "Keep the subject under 200 characters."),
  note: storableString()
    .trim()
    .max(5_000, "Keep the first note under 5,000 characters.")
    .optional()
    .transform((value) => value || undefined),
});

export const caseNoteSchema = z.object({
  caseId: z.uuid({ error: "Unknown case." }),
  body: storableString({ error: "Write a note." })
    .trim()
    .min(1, "Write a note.")
    .max(5_000, "Keep notes under 5,000 characters."),
});

export const caseStatusSchema = z.object({
  caseId: z.uuid({ error: "Unknown case." }),
  status: z.enum(CASE_STATUSES, { error: "Choose a status." }),
  outcome: storableString()
    .trim()
    .max(1_000, "Keep the outcome under 1,000 characters.")
    .optional()
    .transform((value) => value || undefined),
});

export const caseAssignSchema = z.object({
  caseId: z.uuid({ error: "Unknown case." }),
  assigneeId: z.uuid({ error: "Choose someone." }).or(z.literal("").transform(() => null)),
});

export const checklistSchema = z.object({
  caseId: z.uuid({ error: "Unknown case." }),
  item: z.string().regex(/^[a-z0-9-]{1,40}$/, "Unknown checklist item."),
  done: z.enum(["true", "false"]).transform((value) => value === "true"),
});
