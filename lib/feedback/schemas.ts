// "Was this helpful?" input: one schema for the route handler (JS and no-JS posts alike).
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";

export const FEEDBACK_COMMENT_MAX = 1000;

export const feedbackMessages = {
  helpfulMissing: "Choose Yes or No.",
  commentTooLong: `Keep your comment to ${FEEDBACK_COMMENT_MAX.toLocaleString("en")} characters or fewer.`,
  articleMissing: "We couldn't tell which article this is about.",
} as const;

export const articleFeedbackSchema = z.object({
  articleSlug: z
    .string({ error: feedbackMessages.articleMissing })
    .trim()
    .min(1, feedbackMessages.articleMissing)
    .max(120, feedbackMessages.articleMissing)
    .regex(/^[a-z0-9-]+$/, feedbackMessages.articleMissing),
  helpful: z
    .enum(["yes", "no"], { error: feedbackMessages.helpfulMissing })
    .transform((value) => value === "yes"),
  // Stored as typed (trimmed): HTML stays text and is only ever rendered as text.
  comment: storableString()
    .optional()
    .transform((value) => value?.replace(/\r\n/g, "\n").trim() ?? "")
    .pipe(z.string().max(FEEDBACK_COMMENT_MAX, feedbackMessages.commentTooLong))
    .transform((value) => (value === "" ? null : value)),
});

export type ArticleFeedbackInput = z.input<typeof articleFeedbackSchema>;
export type ArticleFeedback = z.output<typeof articleFeedbackSchema>;

/** Marking a feedback comment as dealt with (console, content team). */
export const markFeedbackHandledSchema = z.object({
  feedbackId: z.uuid({ error: "Unknown comment." }),
});

export const SEARCH_MISS_OUTCOMES = ["no-results", "no-click"] as const;
export type SearchMissOutcome = (typeof SEARCH_MISS_OUTCOMES)[number];
export const SEARCH_QUERY_MAX = 100;

/**
 * What is counted of a search: lower case, spaces collapsed, cut to 100 characters, and anything
 * that could identify the reader or be a secret masked first: email addresses, and every run of
 * three or more digits (phone numbers, order numbers, one-time codes a worried reader pastes).
 */
export function maskSearchQuery(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s@.'’+-]/gu, " ")
    .replace(/[^\s@]+@[^\s@]+/g, "[email]")
    .replace(/\+?\d(?:[\s.+-]*\d){2,}/g, "[number]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, SEARCH_QUERY_MAX)
    .trim();
}

/** The help center's search beacon: a search that found nothing, or whose results were not opened. */
export const searchMissSchema = z.object({
  query: storableString()
    .max(2_000, "Too long.")
    .transform(maskSearchQuery)
    .pipe(z.string().min(1, "Empty search.")),
  outcome: z.enum(SEARCH_MISS_OUTCOMES, { error: "Unknown outcome." }),
});
