// Admission control for the console: at most `concurrency` console requests are inside Next at once
// in a process; the others wait their turn, first come first served.
//
// Why: a console page is CPU work on the server's one JavaScript thread, interleaved with database
// waits. A few requests in flight keep that thread busy; fifty in flight each hold their half-built
// page in memory at the same time, and the garbage collector and the CPU caches pay for it. Under
// `npm run bench:load` (50 agents), one instance went from ~50 to ~75 customer-page views/s with 8
// in flight and the rest queued, with a lower p95 as well (docs/performance/console-speed.md).
// Puma's thread count and Gunicorn's workers bound the same thing.
//
// Only /console is gated. The help center (static pages a customer mid-scam must get at once),
// static files, the public API and the health check never wait behind agents' pages.
//
// A request holds its place until its response has finished or the client has gone, and for at
// most MAX_HOLD_MS: a client that reads its response slowly (or sends its body slowly) cannot pin a
// place for longer. A waiting request whose client hangs up leaves the queue. When QUEUE_LIMIT
// requests are already waiting, the next is answered 503 with Retry-After at once rather than
// after minutes.
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_HOLD_MS = 10_000;
export const QUEUE_LIMIT = 1_000;

export type RenderGate = {
  /** Runs `handle` now, or when a place is free; may answer 503 instead (the queue is full). */
  admit(request: IncomingMessage, response: ServerResponse, handle: () => void): void;
  /** Requests inside Next and waiting, for tests and diagnostics. */
  stats(): { active: number; waiting: number };
};

export function isGatedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?", 1)[0] ?? "/";
  return path === "/console" || path.startsWith("/console/");
}

type Options = { concurrency: number; queueLimit?: number; maxHoldMs?: number };

/** `concurrency` 0 turns the gate off: every request goes straight in. */
export function createRenderGate({
  concurrency,
  queueLimit = QUEUE_LIMIT,
  maxHoldMs = MAX_HOLD_MS,
}: Options): RenderGate {
  let active = 0;
  const waiting: { response: ServerResponse; start: () => void }[] = [];

  const next = () => {
    while (active < concurrency) {
      const waiter = waiting.shift();
      if (!waiter) return;
      // Its client hung up while it waited: nobody would read the page.
      if (waiter.response.destroyed || waiter.response.writableEnded) continue;
      waiter.start();
    }
  };

  const start = (response: ServerResponse, handle: () => void) => {
    active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      active--;
      next();
    };
    const timer = setTimeout(release, maxHoldMs);
    timer.unref();
    response.once("finish", release);
    response.once("close", release);
    handle();
  };

  return {
    admit(request, response, handle) {
      if (concurrency === 0 || !isGatedPath(request.url)) return handle();
      if (active < concurrency) return start(response, handle);
      if (waiting.length >= queueLimit) {
        response.writeHead(503, {
          "content-type": "application/problem+json",
          "cache-control": "no-store",
          "retry-after": "1",
        });
        response.end(
          JSON.stringify({
            type: "about:blank",
            title: "Service Unavailable",
            status: 503,
            detail: "The console is busier than it can answer right now. Try again in a moment.",
          }),
        );
        return;
      }
      const waiter = { response, start: () => start(response, handle) };
      waiting.push(waiter);
      response.once("close", () => {
        const index = waiting.indexOf(waiter);
        if (index !== -1) waiting.splice(index, 1);
      });
    },
    stats: () => ({ active, waiting: waiting.length }),
  };
}
