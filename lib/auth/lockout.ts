// The hard lock: only wrong second factors after a correct password lead to it (someone has the
// password), every fifth in a row, for longer each time. Wrong passwords are throttled instead
// (lib/auth/throttle.ts), so nobody without the password can lock an account. The counters live in
// staff_users, so every app instance sees the same state.
export const SECOND_FACTOR_FAILURES_BEFORE_LOCK = 5;
export const LOCK_MINUTES = [15, 60, 240, 1_440] as const;

export function lockMinutesFor(lockoutCount: number): number {
  return LOCK_MINUTES[Math.min(lockoutCount, LOCK_MINUTES.length - 1)] ?? 1_440;
}

export function describeLock(lockedUntil: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `This account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"} after repeated wrong codes. An administrator can unlock it sooner.`;
}
