// Fixed-window rate limits kept in PostgreSQL, so every app instance shares them (ARCHITECTURE:
// no shared state in process memory). One upsert per check: atomic under concurrency.
import "server-only";
import { getDb } from "@/lib/db/client";

export type RateLimitRule = {
  /** What is limited, e.g. "signin-ip" or "feedback". Part of the key. */
  name: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one hit for `subject` under `rule` and says whether it is within the limit.
 * A new window starts when the previous one has expired.
 */
export async function hitRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const key = `${rule.name}:${subject}`;
  const rows = await getDb().$queryRaw<{ hits: number; expires_at: Date }[]>`
    INSERT INTO rate_limits (key, window_start, hits, expires_at)
    VALUES (${key}, now(), 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits.expires_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
      window_start = CASE WHEN rate_limits.expires_at <= now() THEN now() ELSE rate_limits.window_start END,
      expires_at = CASE WHEN rate_limits.expires_at <= now()
        THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE rate_limits.expires_at END
    RETURNING hits, expires_at`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const retryAfterSeconds = Math.max(1, Math.ceil((row.expires_at.getTime() - Date.now()) / 1000));
  return {
    allowed: row.hits <= rule.limit,
    remaining: Math.max(0, rule.limit - row.hits),
    retryAfterSeconds,
  };
}

/** Deletes expired windows; called now and then so the table stays small. */
export async function pruneRateLimits(): Promise<number> {
  return getDb().$executeRaw`DELETE FROM rate_limits WHERE expires_at < now() - interval '1 hour'`;
}
