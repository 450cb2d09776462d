import "server-only";
import { configuredTransports } from "./transports";
import { processOutbox } from "./worker";
import { log } from "@/lib/log";
import { env } from "@/lib/env";

/** Drains the outbox every few seconds; a failed run is logged and the next one tries again. */
export function startNotificationLoop(): void {
  const transports = configuredTransports();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Drain in batches until the outbox has nothing due.
      for (let batch = 0; batch < 10; batch++) {
        const run = await processOutbox(transports);
        if (run.sent + run.failed + run.retrying === 0) break;
      }
    } catch (error) {
      log.error("notifications.outbox_run_failed", { error });
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), env().NOTIFICATIONS_INTERVAL_MS).unref();
}
