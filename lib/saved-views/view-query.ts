// What a saved view may hold: for each list, the filters and sort columns its page understands, and
// nothing else. A view's query string is checked against this when it is saved and again when it is
// loaded, so a forged filter (an unknown key, a value outside the list's choices, an unknown sort
// column) is refused by name and never reaches a page as if it were the staff member's own choice.
import { z } from "zod";
import { auditFiltersSchema } from "@/lib/audit/audit-queries";
import type { Permission } from "@/lib/auth/permissions";
import { CASE_STATUSES, CASE_TYPES, parseCaseSort } from "@/lib/cases/schemas";
import { queueFiltersSchema } from "@/lib/scam-reports/schemas";

export const SAVED_VIEW_LISTS = ["CASES", "SCAM_REPORTS", "AUDIT"] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

export const LIST_PATHS: Record<SavedViewList, string> = {
  CASES: "/console/cases",
  SCAM_REPORTS: "/console/scam-reports",
  AUDIT: "/console/audit",
};

/** Who may keep views of a list: whoever may read it. */
export const LIST_PERMISSIONS: Record<SavedViewList, Permission> = {
  CASES: "case:work",
  SCAM_REPORTS: "scam-report:triage",
  AUDIT: "audit:view",
};

export const LIST_NAMES: Record<SavedViewList, string> = {
  CASES: "cases list",
  SCAM_REPORTS: "scam-report queue",
  AUDIT: "audit log",
};

const casesViewSchema = z.object({
  status: z.enum(["ACTIVE", ...CASE_STATUSES], { error: "Choose a case status from the list." }).optional(),
  type: z.enum(CASE_TYPES, { error: "Choose a kind of case from the list." }).optional(),
  mine: z.literal("1", { error: "“Assigned to me” is either ticked or not." }).optional(),
  sort: z
    .string()
    .refine((value) => parseCaseSort(value) !== null, {
      error: "Cases cannot be sorted that way. Sort by case number, priority, when opened or when updated.",
    })
    .optional(),
});

/** Each list's filters; a page position (cursor, page, before) is not part of a view. */
const VIEW_SCHEMAS: Record<SavedViewList, z.ZodObject> = {
  CASES: casesViewSchema,
  SCAM_REPORTS: queueFiltersSchema.omit({ cursor: true }),
  AUDIT: auditFiltersSchema.omit({ before: true }),
};

export const MAX_VIEW_QUERY_LENGTH = 1_000;

export type ViewQueryCheck = { ok: true; query: string } | { ok: false; message: string };

/**
 * A view's query string, checked for its list: each key once, each key a filter of the list, each
 * value one the list accepts. Answers the canonical query to store (known keys in the list's order,
 * empty values dropped), or why it is refused.
 */
export function checkViewQuery(list: SavedViewList, raw: string): ViewQueryCheck {
  if (raw.length > MAX_VIEW_QUERY_LENGTH) return { ok: false, message: "That view is too long to save." };
  const schema = VIEW_SCHEMAS[list];
  const allowed = Object.keys(schema.shape);
  const params = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  const values: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!allowed.includes(key))
      return { ok: false, message: `“${key.slice(0, 40)}” is not a filter of the ${LIST_NAMES[list]}.` };
    if (key in values) return { ok: false, message: `“${key}” is given twice.` };
    if (value !== "") values[key] = value;
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "That view is not valid." };
  const canonical = new URLSearchParams(allowed.flatMap((key) => (values[key] ? [[key, values[key]]] : [])));
  return { ok: true, query: canonical.toString() };
}

/** Where a view opens: its list with its query. */
export function viewHref(list: SavedViewList, query: string): string {
  return query ? `${LIST_PATHS[list]}?${query}` : LIST_PATHS[list];
}
