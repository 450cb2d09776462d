// Runs once per server process. Starts the notifications worker inside the app, so `npm start`
// is the whole deployment: every instance drains the outbox, and FOR UPDATE SKIP LOCKED keeps them
// from sending the same message twice. NOTIFICATIONS_WORKER=0 turns it off (e.g. a dedicated worker).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return; // the edge runtime has no database access
  const { env } = await import("./lib/env");
  if (env().NOTIFICATIONS_WORKER === "0") return;
  const { startNotificationLoop } = await import("./lib/notifications/loop");
  startNotificationLoop();
}
