// An example sender for the ingest API (docs/ingest-api.md), written for the identity system's
// team to copy: it uses nothing from this project, only Node's fetch.
//
//   DESK_URL=http://localhost:3000 DESK_API_KEY=asd_... npx tsx scripts/send-events-example.ts [events.json]
//
// events.json holds an array of events or { "events": [...] }; without it, a few demo events are
// sent. Events are sent in batches of at most 1,000 (and well under the 1 MiB body limit). A batch
// counts as delivered on 200 or 207; on a network error, 429 or 5xx it is resent unchanged (same
// event ids, so nothing is stored twice) after an exponential backoff with jitter, honouring
// Retry-After. Other 4xx answers mean the request itself is wrong: resending cannot help, so the
// sender stops and says why.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

type Event = Record<string, unknown>;
type Result = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; eventId?: string; errors: { field: string; message: string }[] }[];
};

const MAX_EVENTS = 1_000;
const MAX_BYTES = 900_000; // below the desk's 1 MiB limit, with room to spare
const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 60_000;
const TIMEOUT_MS = 30_000;

class PermanentError extends Error {}

function loadEvents(file: string | undefined): Event[] {
  if (!file) return demoEvents();
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Event[] | { events: Event[] };
  return Array.isArray(parsed) ? parsed : parsed.events;
}

function demoEvents(): Event[] {
  const now = Date.now();
  const flowId = `flow_${randomUUID()}`;
  return [
    {
      type: "login_attempt",
      eventId: `la_${randomUUID()}`,
      occurredAt: new Date(now - 5_000).toISOString(),
      outcome: "code_sent",
      factor: "password",
      customer: { externalId: "cust_example_1", email: "jane.doe@example.com" },
      flowId,
      ip: "203.0.113.7",
      country: "GB",
    },
    {
      type: "otp_delivery",
      eventId: `otp_${randomUUID()}`,
      sentAt: new Date(now - 4_000).toISOString(),
      purpose: "sign_in",
      channel: "sms",
      customer: { externalId: "cust_example_1" },
      destinationMasked: "+44 •••• ••• 123",
      status: "sent",
      flowId,
      requestIp: "203.0.113.7",
    },
  ];
}

/** Batches of at most MAX_EVENTS events and about MAX_BYTES of JSON. */
function toBatches(events: readonly Event[]): Event[][] {
  const batches: Event[][] = [];
  let current: Event[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (current.length > 0 && (current.length === MAX_EVENTS || bytes + size > MAX_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Full jitter: a random wait up to the exponential step, unless the server said how long. */
function backoff(attempt: number, retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  if (retryAfter !== null && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
}

async function sendBatch(url: string, key: string, batch: Event[]): Promise<Result> {
  const body = JSON.stringify({ events: batch });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let retryAfter: string | null = null;
    let reason: string;
    try {
      const response = await fetch(`${url}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.status === 200 || response.status === 207) return (await response.json()) as Result;
      const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
      reason = `${response.status} ${problem.code ?? ""} ${problem.detail ?? ""}`.trim();
      if (response.status !== 429 && response.status < 500) throw new PermanentError(reason);
      retryAfter = response.headers.get("retry-after");
    } catch (error) {
      if (error instanceof PermanentError) throw error;
      reason = error instanceof Error ? error.message : String(error);
    }
    const wait = backoff(attempt, retryAfter);
    console.warn(`  not acknowledged (${reason}); resending in ${(wait / 1000).toFixed(1)} s`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error(`no acknowledgement after ${MAX_ATTEMPTS} attempts`);
}

async function main(): Promise<void> {
  const url = (process.env.DESK_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const key = process.env.DESK_API_KEY;
  if (!key) throw new PermanentError("Set DESK_API_KEY to a key with the events:write scope.");
  const batches = toBatches(loadEvents(process.argv[2]));
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  for (const [number, batch] of batches.entries()) {
    console.log(`batch ${number + 1}/${batches.length}: ${batch.length} events`);
    const result = await sendBatch(url, key, batch);
    totals.accepted += result.accepted;
    totals.duplicates += result.duplicates;
    totals.rejected += result.rejected.length;
    for (const rejection of result.rejected) {
      // A rejected event fails the same way if resent: log it (a real sender would dead-letter it).
      const problems = rejection.errors.map((error) => `${error.field}: ${error.message}`).join("; ");
      console.warn(
        `  rejected event #${rejection.index}${rejection.eventId ? ` (${rejection.eventId})` : ""}: ${problems}`,
      );
    }
  }
  console.log(
    `done: ${totals.accepted} accepted, ${totals.duplicates} duplicates, ${totals.rejected} rejected`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
