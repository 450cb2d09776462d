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

/** Assigning several cases at once: all or none (at most a page of them). */
export const bulkAssignSchema = z.object({
  caseIds: z
    .preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z
        .array(z.uuid({ error: "Unknown case." }), { error: "Tick the cases to assign." })
        .min(1, "Tick the cases to assign.")
        .max(50, "Assign at most 50 cases at once."),
    )
    .transform((ids) => [...new Set(ids)]),
  assigneeId: z.uuid({ error: "Choose someone." }),
});

/** Changing the status of several cases at once: all or none; closing them needs one outcome for all. */
export const bulkCaseStatusSchema = z
  .object({
    caseIds: z
      .preprocess(
        (value) => (typeof value === "string" ? [value] : value),
        z
          .array(z.uuid({ error: "Unknown case." }), { error: "Tick the cases to change." })
          .min(1, "Tick the cases to change.")
          .max(50, "Change at most 50 cases at once."),
      )
      .transform((ids) => [...new Set(ids)]),
    status: z.enum(CASE_STATUSES, { error: "Choose a status." }),
    outcome: storableString()
      .trim()
      .max(1_000, "Keep the outcome under 1,000 characters.")
      .optional()
      .transform((value) => value || undefined),
  })
  .refine((input) => input.status !== "CLOSED" || input.outcome, {
    error: "Say what the outcome was before closing the cases.",
    path: ["outcome"],
  });

/** The cases list's sortable columns; "-" in front means descending. */
export const CASE_SORT_KEYS = ["updated", "opened", "number", "priority"] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];
export type CaseSort = { key: CaseSortKey; descending: boolean };
export const DEFAULT_CASE_SORT: CaseSort = { key: "updated", descending: true };

/** A sort from the URL, or null when it names no sortable column (refused, not ignored). */
export function parseCaseSort(raw: string | undefined): CaseSort | null {
  if (raw === undefined || raw === "") return DEFAULT_CASE_SORT;
  const match = /^(-?)([a-z]+)$/.exec(raw);
  const key = CASE_SORT_KEYS.find((candidate) => candidate === match?.[2]);
  return key ? { key, descending: match?.[1] === "-" } : null;
}

export const checklistSchema = z.object({
  caseId: z.uuid({ error: "Unknown case." }),
  item: z.string().regex(/^[a-z0-9-]{1,40}$/, "Unknown checklist item."),
  done: z.enum(["true", "false"]).transform((value) => value === "true"),
});
