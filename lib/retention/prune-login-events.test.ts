import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ingestEvents } from "@/lib/ingest/write-events";
import { loginAttemptEvent, otpDeliveryEvent, type WireEvent } from "@/test/factories/events";
import { pruneLoginEvents } from "./prune-login-events";

const DAY = 86_400_000;
const now = new Date();

function daysAgo(days: number): string {
  return new Date(now.getTime() - days * DAY).toISOString();
}

async function store(events: WireEvent[]) {
  const outcome = await ingestEvents(events);
  expect(outcome.rejected).toEqual([]);
}

describe("pruneLoginEvents", () => {
  it("deletes attempts and deliveries older than the period, in batches, and keeps the rest", async () => {
    const old = [400, 300, 200, 181].map((days) => loginAttemptEvent({ occurredAt: daysAgo(days) }));
    const recent = [179, 30, 1].map((days) => loginAttemptEvent({ occurredAt: daysAgo(days) }));
    await store([
      ...old,
      ...recent,
      otpDeliveryEvent({ sentAt: daysAgo(365) }),
      otpDeliveryEvent({ sentAt: daysAgo(10) }),
    ]);

    const report = await pruneLoginEvents(180, { now, batchRows: 3 });
    expect(report).toMatchObject({ loginAttempts: 4, otpDeliveries: 1 });
    expect(report.cutoff.toISOString()).toBe(daysAgo(180));

    const kept = await getDb().loginAttempt.findMany({ select: { eventId: true } });
    expect(kept.map((row) => row.eventId).sort()).toEqual(
      recent.map((event) => String(event.eventId)).sort(),
    );
    expect(await getDb().otpDelivery.count()).toBe(1);
    expect(await pruneLoginEvents(180, { now })).toMatchObject({ loginAttempts: 0, otpDeliveries: 0 });
  });

  it("refuses a period shorter than 30 days, or not a whole number of days", async () => {
    await expect(pruneLoginEvents(7)).rejects.toThrow(/at least 30 days/);
    await expect(pruneLoginEvents(Number.NaN)).rejects.toThrow(/at least 30 days/);
    await expect(pruneLoginEvents(45.5)).rejects.toThrow(/at least 30 days/);
  });
});
