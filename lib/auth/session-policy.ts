// Session lifetimes (NIST SP 800-63B 7.2 for AAL2: re-authenticate at least every 12 hours and
// after 30 minutes of inactivity) and the step-up window for privileged actions.
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const STEP_UP_WINDOW_MS = 5 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
