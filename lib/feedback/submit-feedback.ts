// One feedback submission: rate limit → parse → check the article → store. Every expected failure
// comes back as an ActionState with the HTTP status the route should answer with; never a throw.
import "server-only";
import { articleExists } from "@/lib/content/articles";
import { errorState, invalidState, okState, type ActionState } from "@/lib/forms/action-state";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { articleFeedbackSchema, feedbackMessages } from "./schemas";
import { recordArticleFeedback } from "./store";

/** Ten votes per client per ten minutes: plenty for a reader, useless for a flood. */
export const FEEDBACK_RATE_LIMIT: RateLimitRule = { name: "feedback", limit: 10, windowSeconds: 600 };

export type FeedbackOutcome = {
  state: ActionState;
  httpStatus: 200 | 400 | 404 | 429;
  /** Machine-readable result for the no-JavaScript redirect. */
  code: "thanks" | "invalid" | "unknown-article" | "rate-limited";
  retryAfterSeconds?: number;
};

export const THANKS_MESSAGE = "Thank you. Your feedback helps us make these pages clearer.";

export async function submitArticleFeedback(
  fields: Record<string, unknown>,
  clientKey: string,
): Promise<FeedbackOutcome> {
  const limit = await hitRateLimit(FEEDBACK_RATE_LIMIT, clientKey);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      state: errorState(
        `You've sent a lot of feedback in a short time. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      ),
      httpStatus: 429,
      code: "rate-limited",
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }

  const parsed = articleFeedbackSchema.safeParse(fields);
  if (!parsed.success) {
    return {
      state: invalidState(parsed.error, "Please check your answer."),
      httpStatus: 400,
      code: "invalid",
    };
  }
  if (!articleExists(parsed.data.articleSlug)) {
    return {
      state: {
        status: "invalid",
        message: feedbackMessages.articleMissing,
        fieldErrors: { articleSlug: [feedbackMessages.articleMissing] },
      },
      httpStatus: 404,
      code: "unknown-article",
    };
  }
  await recordArticleFeedback(parsed.data);
  return { state: okState(THANKS_MESSAGE), httpStatus: 200, code: "thanks" };
}
