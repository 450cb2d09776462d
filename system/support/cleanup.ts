// Last-resort cleanup for the servers a system test starts: when the test process exits or is
// signalled (Ctrl-C, a runner killing its workers) without reaching afterAll, every registered
// cleanup still runs. Cleanups must be synchronous (signals to process ids), as in an exit handler.
const cleanups = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort: the next cleanup must still run.
    }
  }
  cleanups.clear();
}

/** Registers a cleanup; returns the function that unregisters it (after an orderly stop). */
export function onTestProcessEnd(cleanup: () => void): () => void {
  // Installed on first use, not at import: lib/db/embedded.ts removes every signal listener when it loads.
  if (!installed) {
    installed = true;
    process.on("exit", runAll);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => {
        runAll();
        process.exit(130);
      });
    }
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
