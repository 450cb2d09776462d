import "server-only";
import { startDrainLoop } from "@/lib/queue/drain-loop";
import { env } from "@/lib/env";
import { configuredTransports } from "./transports";
import { processOutbox } from "./worker";

/** Drains the notifications outbox every NOTIFICATIONS_INTERVAL_MS. */
export function startNotificationLoop(): void {
  const transports = configuredTransports();
  startDrainLoop("notifications.outbox", env().NOTIFICATIONS_INTERVAL_MS, async () => {
    const run = await processOutbox(transports);
    return run.sent + run.failed + run.retrying;
  });
}
