// Progressive lockout after repeated failures (NIST SP 800-63B 5.2.2): every fifth consecutive
// failure locks the account for longer. The counters live in staff_users, so every app instance
// sees the same state.
export const FAILURES_BEFORE_LOCK = 5;
export const LOCK_MINUTES = [1, 5, 15, 60] as const;

export function lockMinutesFor(lockoutCount: number): number {
  return LOCK_MINUTES[Math.min(lockoutCount, LOCK_MINUTES.length - 1)] ?? 60;
}

export function describeLock(lockedUntil: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many failed attempts. This account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}. An administrator can unlock it sooner.`;
}
