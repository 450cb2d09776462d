// The one way background queues are drained in this app (customer notifications, identity-system
// deliveries): every few moments, run batches until a batch finds nothing due. A run never
// overlaps the previous one in the same process; across processes the queues' own claims
// (FOR UPDATE SKIP LOCKED with a lease) keep instances apart. A failed run is logged and the
// next tick tries again. The timer is unref'd: it never keeps a process alive on its own.
import "server-only";
import { log } from "@/lib/log";

const MAX_BATCHES_PER_TICK = 20;

/** `runBatch` answers how many rows it handled; 0 ends the tick. */
export function startDrainLoop(
  name: string,
  intervalMs: number,
  runBatch: () => Promise<number>,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
        if ((await runBatch()) === 0) break;
      }
    } catch (error) {
      log.error(`${name}.run_failed`, { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
