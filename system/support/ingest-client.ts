// An identity system's event sender as docs/ingest-api.md asks it to behave: a batch counts as
// delivered only when the desk answers 2xx; anything else that may be temporary (no answer, a reset
// connection, 5xx, 429) means "send the same batch again". The events carry their own ids, so a
// batch that was stored but not acknowledged comes back as duplicates, never as second copies.
import { loginAttemptEvent, otpDeliveryEvent, type WireEvent } from "../../test/factories/events";

export type Attempt = {
  at: number;
  status: number | "no-answer";
  retryAfter: string | null;
  /** From a 2xx answer: events of the batch that were already stored (by an unacknowledged earlier try). */
  duplicates?: number;
};

export type DeliveryLog = {
  attempts: Attempt[];
  /** Event ids of batches the desk acknowledged (2xx). */
  acknowledged: string[];
};

/** `count` events with ids `<prefix>-<n>`, alternating login attempts and code deliveries. */
export function makeEvents(prefix: string, count: number): WireEvent[] {
  return Array.from({ length: count }, (_, n) =>
    n % 2 === 0
      ? loginAttemptEvent({ eventId: `${prefix}-${n}` })
      : otpDeliveryEvent({ eventId: `${prefix}-${n}` }),
  );
}

export function eventId(event: WireEvent): string {
  return String(event.eventId);
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

type SendOptions = { apiKey: string; log: DeliveryLog; retryDelayMs?: number; deadline?: number };

/** One POST; the answer's status (or "no-answer" for a refused or reset connection, or a timeout). */
export async function postBatch(
  baseURL: string,
  apiKey: string,
  events: readonly WireEvent[],
): Promise<Attempt> {
  const at = Date.now();
  try {
    const response = await fetch(`${baseURL}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ events }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    const attempt: Attempt = { at, status: response.status, retryAfter: response.headers.get("retry-after") };
    if (response.ok) attempt.duplicates = (JSON.parse(text) as { duplicates: number }).duplicates;
    return attempt;
  } catch {
    return { at, status: "no-answer", retryAfter: null };
  }
}

/**
 * Sends one batch until the desk acknowledges it. A 4xx other than 429 is a bug in the test: it
 * throws. It waits `retryDelayMs` between tries, not Retry-After (5 s), to keep the tests short.
 */
export async function sendUntilAcknowledged(
  baseURL: string,
  events: readonly WireEvent[],
  { apiKey, log, retryDelayMs = 200, deadline = Date.now() + 180_000 }: SendOptions,
): Promise<void> {
  while (Date.now() < deadline) {
    const attempt = await postBatch(baseURL, apiKey, events);
    log.attempts.push(attempt);
    if (typeof attempt.status === "number" && attempt.status >= 200 && attempt.status < 300) {
      log.acknowledged.push(...events.map(eventId));
      return;
    }
    if (typeof attempt.status === "number" && attempt.status < 500 && attempt.status !== 429) {
      throw new Error(`The desk refused a batch with ${attempt.status}: the test sent something wrong`);
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  }
  throw new Error("A batch was still unacknowledged at the deadline");
}

/** Sends every batch, `streams` at a time (each stream takes the next unsent batch). */
export async function streamBatches(
  baseURL: string,
  allBatches: readonly WireEvent[][],
  options: SendOptions & { streams: number; pauseMs?: number },
): Promise<void> {
  let next = 0;
  const stream = async () => {
    while (next < allBatches.length) {
      const batch = allBatches[next++];
      if (!batch) break;
      await sendUntilAcknowledged(baseURL, batch, options);
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: options.streams }, stream));
}
