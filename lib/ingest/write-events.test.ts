import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomerRow } from "@/test/factories/api-keys";
import { loginAttemptEvent, otpDeliveryEvent, uniqueTag } from "@/test/factories/events";
import { CODE_FIELD_MESSAGE } from "./schemas";
import { ingestEvents } from "./write-events";

async function storedCount(eventIds: string[]): Promise<number> {
  const [attempts, deliveries] = await Promise.all([
    getDb().loginAttempt.count({ where: { eventId: { in: eventIds } } }),
    getDb().otpDelivery.count({ where: { eventId: { in: eventIds } } }),
  ]);
  return attempts + deliveries;
}

const idsOf = (events: Record<string, unknown>[]) => events.map((event) => String(event.eventId));

describe("ingestEvents", () => {
  it("stores the good events of a mixed batch and reports each bad one by index and reason", async () => {
    const customer = await createCustomerRow();
    const good = [
      loginAttemptEvent({ customer: { externalId: customer.externalId }, outcome: "success" }),
      otpDeliveryEvent({ customer: { externalId: customer.externalId } }),
      loginAttemptEvent(),
    ];
    const badIp = loginAttemptEvent({ ip: "not-an-ip" });
    const withCode = otpDeliveryEvent({ code: "123456" });
    const bad = [badIp, { type: "password_change" }, "just a string", withCode];
    const batch = [good[0], bad[0], good[1], bad[1], bad[2], good[2], bad[3]];

    const outcome = await ingestEvents(batch);
    expect(outcome.accepted).toBe(3);
    expect(outcome.duplicates).toBe(0);
    expect(outcome.rejected.map((rejection) => rejection.index)).toEqual([1, 3, 4, 6]);
    expect(outcome.rejected[0]).toMatchObject({ eventId: badIp.eventId, errors: [{ field: "ip" }] });
    expect(outcome.rejected[1]?.errors[0]?.field).toBe("type");
    expect(outcome.rejected[2]).toEqual({ index: 4, errors: [expect.objectContaining({ field: "event" })] });
    expect(outcome.rejected[3]).toEqual({
      index: 6,
      eventId: withCode.eventId,
      errors: [{ field: "code", message: CODE_FIELD_MESSAGE }],
    });

    expect(await storedCount(idsOf(good))).toBe(3);
    expect(await storedCount(idsOf([badIp, withCode]))).toBe(0);
    const attempt = await getDb().loginAttempt.findUniqueOrThrow({
      where: { eventId: String(good[0]?.eventId) },
    });
    expect(attempt).toMatchObject({
      customerId: customer.id,
      outcome: "SUCCESS",
      factor: "PASSWORD",
      ip: "203.0.113.50",
      country: "GB",
      latitude: 51.5072,
    });
    const delivery = await getDb().otpDelivery.findUniqueOrThrow({
      where: { eventId: String(good[1]?.eventId) },
    });
    expect(delivery).toMatchObject({
      customerId: customer.id,
      purpose: "SIGN_IN",
      channel: "SMS",
      status: "DELIVERED",
      destinationMasked: "+44 •••• ••• 123",
    });
  });

  it("stores nothing twice when a batch is resent, and says how many were duplicates", async () => {
    const batch = [loginAttemptEvent(), loginAttemptEvent(), otpDeliveryEvent()];
    expect(await ingestEvents(batch)).toEqual({ accepted: 3, duplicates: 0, superseded: 0, rejected: [] });
    expect(await ingestEvents(batch)).toEqual({ accepted: 0, duplicates: 3, superseded: 0, rejected: [] });
    // Half old, half new; and an id repeated inside one batch counts as a duplicate too.
    const fresh = loginAttemptEvent();
    expect(await ingestEvents([...batch.slice(0, 2), fresh, fresh])).toEqual({
      accepted: 1,
      duplicates: 3,
      superseded: 0,
      rejected: [],
    });
    expect(await storedCount(idsOf([...batch, fresh]))).toBe(4);
  });

  it("stores each event once when the same batch arrives several times at once", async () => {
    const batch = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0 ? otpDeliveryEvent() : loginAttemptEvent(),
    );
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => ingestEvents(batch)));
    expect(outcomes.reduce((sum, outcome) => sum + outcome.accepted, 0)).toBe(400);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.duplicates, 0)).toBe(1200);
    expect(await storedCount(idsOf(batch))).toBe(400);
  });

  it("stores each event once, without a deadlock, when overlapping batches arrive at once in opposite orders", async () => {
    // A sender that re-batches on retry, or two senders sharing a backlog: the same events, in
    // another order. Rows written in batch order took each other's unique-index entries crosswise
    // and PostgreSQL killed one statement as a deadlock (the client saw a 503).
    for (let round = 0; round < 4; round++) {
      const batch = Array.from({ length: 600 }, (_, i) =>
        i % 3 === 0 ? otpDeliveryEvent() : loginAttemptEvent(),
      );
      const reversed = [...batch].reverse();
      const outcomes = await Promise.all(
        [batch, reversed, batch, reversed].map((events) => ingestEvents(events)),
      );
      expect(outcomes.reduce((sum, outcome) => sum + outcome.accepted, 0)).toBe(600);
      expect(outcomes.reduce((sum, outcome) => sum + outcome.duplicates, 0)).toBe(1800);
      expect(await storedCount(idsOf(batch))).toBe(600);
    }
  });

  it("writes the rows of a batch in event-id order, whatever order the batch has", async () => {
    // The deterministic half of the test above: every writer takes unique-index entries in one
    // global order, so two writers can wait for each other but never crosswise.
    const tag = uniqueTag();
    const attempts = ["c", "a", "d", "b"].map((letter) =>
      loginAttemptEvent({ eventId: `la_${tag}_${letter}` }),
    );
    const deliveries = ["z", "x", "y"].map((letter) => otpDeliveryEvent({ eventId: `otp_${tag}_${letter}` }));
    await ingestEvents([...attempts, ...deliveries]);
    // Ids come from a sequence, so they show the order in which the rows were written.
    const attemptOrder = await getDb().loginAttempt.findMany({
      where: { eventId: { startsWith: `la_${tag}_` } },
      orderBy: { id: "asc" },
      select: { eventId: true },
    });
    const deliveryOrder = await getDb().otpDelivery.findMany({
      where: { eventId: { startsWith: `otp_${tag}_` } },
      orderBy: { id: "asc" },
      select: { eventId: true },
    });
    expect(attemptOrder.map((row) => row.eventId)).toEqual(
      ["a", "b", "c", "d"].map((letter) => `la_${tag}_${letter}`),
    );
    expect(deliveryOrder.map((row) => row.eventId)).toEqual(
      ["x", "y", "z"].map((letter) => `otp_${tag}_${letter}`),
    );
  });

  it("keeps events for unknown customers, unattributed, and attaches them when the customer appears", async () => {
    const externalId = `cust_later_${uniqueTag()}`;
    const stuffing = loginAttemptEvent({
      identifier: "nobody-here@example.com",
      customer: undefined,
      ip: "198.51.100.99",
    });
    const emailOnly = loginAttemptEvent({ identifier: undefined, customer: { email: "Ghost@Example.com" } });
    const waitingAttempt = loginAttemptEvent({ customer: { externalId } });
    const waitingDelivery = otpDeliveryEvent({ customer: { externalId, email: "later@example.com" } });
    expect(await ingestEvents([stuffing, emailOnly, waitingAttempt, waitingDelivery])).toEqual({
      accepted: 4,
      duplicates: 0,
      superseded: 0,
      rejected: [],
    });

    const stuffingRow = await getDb().loginAttempt.findUniqueOrThrow({
      where: { eventId: String(stuffing.eventId) },
    });
    expect(stuffingRow).toMatchObject({
      customerId: null,
      customerExternalId: null,
      identifier: "nobody-here@example.com",
      ip: "198.51.100.99",
    });
    const emailRow = await getDb().loginAttempt.findUniqueOrThrow({
      where: { eventId: String(emailOnly.eventId) },
    });
    expect(emailRow).toMatchObject({ customerId: null, identifier: "ghost@example.com" });
    expect(
      await getDb().loginAttempt.findUniqueOrThrow({ where: { eventId: String(waitingAttempt.eventId) } }),
    ).toMatchObject({
      customerId: null,
      customerExternalId: externalId,
    });

    // The identity system's customer reaches the desk later (a sync, the seed, a script): the
    // events that waited for them are attached, whoever inserts the customer.
    const customer = await createCustomerRow({ externalId });
    for (const row of [
      await getDb().loginAttempt.findUniqueOrThrow({ where: { eventId: String(waitingAttempt.eventId) } }),
      await getDb().otpDelivery.findUniqueOrThrow({ where: { eventId: String(waitingDelivery.eventId) } }),
    ]) {
      expect(row).toMatchObject({ customerId: customer.id, customerExternalId: null });
    }
    // Attempts on accounts that never existed stay unattributed.
    expect(
      (await getDb().loginAttempt.findUniqueOrThrow({ where: { eventId: String(stuffing.eventId) } }))
        .customerId,
    ).toBeNull();
  });

  it("matches customers by email when no external id is given, and lets the external id decide otherwise", async () => {
    const customer = await createCustomerRow();
    const other = await createCustomerRow();
    const byEmail = loginAttemptEvent({ customer: { email: customer.email.toUpperCase() } });
    const conflicting = otpDeliveryEvent({
      customer: { externalId: other.externalId, email: customer.email },
    });
    await ingestEvents([byEmail, conflicting]);
    expect(
      (await getDb().loginAttempt.findUniqueOrThrow({ where: { eventId: String(byEmail.eventId) } }))
        .customerId,
    ).toBe(customer.id);
    expect(
      (await getDb().otpDelivery.findUniqueOrThrow({ where: { eventId: String(conflicting.eventId) } }))
        .customerId,
    ).toBe(other.id);
  });

  it("refuses events with a code field and stores nothing of them", async () => {
    const withCode = otpDeliveryEvent({ code: "654321" });
    const outcome = await ingestEvents([withCode]);
    expect(outcome).toEqual({
      accepted: 0,
      duplicates: 0,
      superseded: 0,
      rejected: [
        { index: 0, eventId: withCode.eventId, errors: [{ field: "code", message: CODE_FIELD_MESSAGE }] },
      ],
    });
    expect(await storedCount([String(withCode.eventId)])).toBe(0);
    const anywhere = await getDb().$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM otp_deliveries o WHERE row_to_json(o)::text LIKE '%654321%'",
    );
    expect(anywhere[0]?.n).toBe(0);
  });

  it("stores every timestamp form the schema accepts, as the instant it names", async () => {
    const forms = [
      "2024-02-29T23:59:59.999Z",
      "2026-01-01T10:00:00.123456789Z",
      "2026-01-01T10:00:00+14:00",
      "2026-01-01T01:30:00-09:30",
      "2000-01-01T00:00:00Z",
    ];
    const events = forms.map((occurredAt) => loginAttemptEvent({ occurredAt }));
    expect(await ingestEvents(events)).toEqual({
      accepted: forms.length,
      duplicates: 0,
      superseded: 0,
      rejected: [],
    });
    for (const [i, event] of events.entries()) {
      const row = await getDb().loginAttempt.findUniqueOrThrow({ where: { eventId: String(event.eventId) } });
      expect(Math.abs(row.occurredAt.getTime() - Date.parse(forms[i] ?? ""))).toBeLessThan(1);
    }
  });
});
