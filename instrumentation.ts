// Runs once per server process. Starts the background queues inside the app, so `npm start` is the
// whole deployment: every instance drains the notifications outbox and the identity-system
// deliveries (and expires unanswered caller-verification requests), and FOR UPDATE SKIP LOCKED keeps them from sending the same row twice at once.
// NOTIFICATIONS_WORKER=0 turns both off (e.g. when a dedicated worker process runs them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return; // the edge runtime has no database access
  const { env } = await import("./lib/env");
  if (env().NOTIFICATIONS_WORKER === "0") return;
  const { startNotificationLoop } = await import("./lib/notifications/loop");
  const { startDeliveryLoop } = await import("./lib/integrations/loop");
  const { startVerificationExpiryLoop } = await import("./lib/caller-verification/loop");
  startNotificationLoop();
  startDeliveryLoop();
  startVerificationExpiryLoop();
}
