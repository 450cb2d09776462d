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
