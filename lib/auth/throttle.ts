// Growing delays after failed attempts (NIST SP 800-63B §5.2.2 prefers them to locking): a few
// free failures, then each further one doubles the wait, up to a ceiling. State lives in
// PostgreSQL (auth_throttles), so every app instance applies the same delay. A quiet day forgets.
import "server-only";
import { getDb } from "@/lib/db/client";

export type ThrottleRule = {
  /** Part of the key: what is throttled. */
  name: string;
  /** Failures allowed before any delay. */
  free: number;
  /** The first delay; each further failure doubles it. */
  baseSeconds: number;
  maxSeconds: number;
};

export type ThrottleState = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Failures older than this start again from zero. */
const FORGET_AFTER_HOURS = 24;

const keyOf = (rule: ThrottleRule, subject: string) => `${rule.name}:${subject}`;

/** Whether an attempt may go ahead now (it changes nothing). */
export async function checkThrottle(
  rule: ThrottleRule,
  subject: string,
  now = new Date(),
): Promise<ThrottleState> {
  const row = await getDb().authThrottle.findUnique({
    where: { key: keyOf(rule, subject) },
    select: { blockedUntil: true },
  });
  if (!row?.blockedUntil || row.blockedUntil <= now) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000)),
  };
}

/** Counts a failure; answers how many there are now. One statement, so concurrent failures all count. */
export async function recordThrottledFailure(rule: ThrottleRule, subject: string): Promise<number> {
  const [row] = await getDb().$queryRaw<{ failures: number }[]>`
    INSERT INTO auth_throttles (key, failures, blocked_until, updated_at)
    VALUES (${keyOf(rule, subject)}, 1, CASE WHEN 1 > ${rule.free} THEN now() + make_interval(secs => ${rule.baseSeconds}) END, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.updated_at < now() - make_interval(hours => ${FORGET_AFTER_HOURS}) THEN 1 ELSE auth_throttles.failures + 1 END,
      updated_at = now(),
      blocked_until = CASE
        WHEN auth_throttles.updated_at < now() - make_interval(hours => ${FORGET_AFTER_HOURS}) THEN NULL
        WHEN auth_throttles.failures + 1 > ${rule.free} THEN now() + make_interval(secs => least(
          ${rule.maxSeconds}::double precision,
          ${rule.baseSeconds}::double precision * power(2, least(auth_throttles.failures + 1 - ${rule.free} - 1, 30))))
        ELSE NULL END
    RETURNING failures`;
  return row?.failures ?? 1;
}

export async function clearThrottle(rule: ThrottleRule, subject: string): Promise<void> {
  await getDb().authThrottle.deleteMany({ where: { key: keyOf(rule, subject) } });
}

/** Deletes state nobody has touched for a day (called by the retention job). */
export async function pruneThrottles(now = new Date()): Promise<number> {
  const { count } = await getDb().authThrottle.deleteMany({
    where: { updatedAt: { lt: new Date(now.getTime() - FORGET_AFTER_HOURS * 3_600_000) } },
  });
  return count;
}
