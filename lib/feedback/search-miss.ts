// One search-miss beacon: privacy signals → rate limit → parse → count. Every expected failure is
// an HTTP status for the route to answer with (never a throw, never a 500 for bad input).
import "server-only";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { recordSearchMiss } from "./insight";
import { searchMissSchema } from "./schemas";

/** A reader searches a few times a minute at most; more is a script. */
export const SEARCH_MISS_RATE_LIMIT: RateLimitRule = { name: "search-miss", limit: 30, windowSeconds: 600 };

export type PrivacySignals = { globalPrivacyControl: boolean; doNotTrack: boolean };

/** `Sec-GPC: 1` (Global Privacy Control) or `DNT: 1` (Do Not Track) from the request's headers. */
export function privacySignals(headers: Headers): PrivacySignals {
  return {
    globalPrivacyControl: headers.get("sec-gpc")?.trim() === "1",
    doNotTrack: headers.get("dnt")?.trim() === "1",
  };
}

export type SearchMissResult = {
  httpStatus: 204 | 400 | 429;
  /** Why nothing was counted, for the log and the tests. */
  skipped?: "privacy" | "invalid" | "rate-limited";
  retryAfterSeconds?: number;
};

export async function submitSearchMiss(
  body: unknown,
  clientKey: string,
  privacy: PrivacySignals,
  now = new Date(),
): Promise<SearchMissResult> {
  // The reader asked not to be tracked: accept the beacon and keep nothing.
  if (privacy.globalPrivacyControl || privacy.doNotTrack) return { httpStatus: 204, skipped: "privacy" };
  const limit = await hitRateLimit(SEARCH_MISS_RATE_LIMIT, clientKey);
  if (!limit.allowed)
    return { httpStatus: 429, skipped: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const parsed = searchMissSchema.safeParse(body);
  if (!parsed.success) return { httpStatus: 400, skipped: "invalid" };
  await recordSearchMiss(parsed.data, now);
  return { httpStatus: 204 };
}
