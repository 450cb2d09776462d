import "server-only";
import { startDrainLoop } from "@/lib/queue/drain-loop";
import { env } from "@/lib/env";
import { processDeliveries } from "./dispatcher";

/** Sends due account actions to identity-system endpoints every DELIVERY_INTERVAL_MS. */
export function startDeliveryLoop(): void {
  startDrainLoop("integrations.deliveries", env().DELIVERY_INTERVAL_MS, async () => {
    const run = await processDeliveries();
    return run.delivered + run.retrying + run.gaveUp;
  });
}
