import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginAttemptEvent, otpDeliveryEvent } from "@/test/factories/events";
import { LOGIN_ATTEMPT_COLUMNS, OTP_DELIVERY_COLUMNS, columnValues, type Column } from "./event-rows";
import { CODE_FIELD_MESSAGE, MAX_USER_AGENT_LENGTH, batchEnvelopeSchema, validateEvent } from "./schemas";

const NO_CUSTOMERS = { byExternalId: new Map<string, string>(), byEmail: new Map<string, string>() };

/** The rows the bulk INSERT would get, as objects keyed by column name. */
function rowsOf<Event extends { customer?: unknown }>(
  events: Event[],
  columns: readonly Column<Event>[],
): Record<string, unknown>[] {
  const arrays = columnValues(events as never[], columns as never, NO_CUSTOMERS);
  return events.map((_, row) =>
    Object.fromEntries(columns.map((column, i) => [column.name, arrays[i]?.[row]])),
  );
}

function errorsOf(raw: unknown) {
  const result = validateEvent(raw);
  if (result.ok) throw new Error("expected the event to be rejected");
  return result;
}

describe("ingest event schemas", () => {
  it("accepts both event types; rows get the database's labels and normalised values", () => {
    const attempt = validateEvent(
      loginAttemptEvent({
        outcome: "code_wrong",
        factor: "sms",
        country: "gb",
        ip: "::FFFF:198.51.100.7",
        identifier: " Jane@Example.com ",
        userAgent: "U".repeat(5000),
      }),
    );
    if (!attempt.ok || attempt.event.type !== "login_attempt")
      throw new Error("expected a valid login attempt");
    const [row] = rowsOf([attempt.event], LOGIN_ATTEMPT_COLUMNS);
    expect(row).toMatchObject({
      outcome: "CODE_WRONG",
      factor: "SMS",
      country: "GB",
      ip: "198.51.100.7",
      identifier: "jane@example.com",
    });
    expect(String(row?.user_agent)).toHaveLength(MAX_USER_AGENT_LENGTH);

    const delivery = validateEvent(
      otpDeliveryEvent({
        purpose: "factor_change",
        channel: "voice",
        status: "failed",
        statusReason: " Carrier rejected ",
        requestIp: "2001:DB8::1",
      }),
    );
    if (!delivery.ok || delivery.event.type !== "otp_delivery") throw new Error("expected a valid delivery");
    expect(rowsOf([delivery.event], OTP_DELIVERY_COLUMNS)[0]).toMatchObject({
      purpose: "FACTOR_CHANGE",
      channel: "VOICE",
      status: "FAILED",
      status_reason: "Carrier rejected",
      request_ip: "2001:db8::1",
    });
  });

  it("refuses an event that carries a one-time code, whatever else it says", () => {
    for (const field of ["code", "otp", "otpCode"]) {
      const result = errorsOf(otpDeliveryEvent({ [field]: "123456" }));
      expect(result.errors).toEqual([{ field, message: CODE_FIELD_MESSAGE }]);
      expect(result.eventId).toMatch(/^otp_/);
      expect(JSON.stringify(result)).not.toContain("123456");
    }
    expect(errorsOf(loginAttemptEvent({ code: 424242 })).errors[0]?.field).toBe("code");
  });

  it("names the field and the reason for each problem", () => {
    const result = errorsOf(
      loginAttemptEvent({ ip: "999.1.1.1", occurredAt: "2026-11-27 10:00", outcome: "maybe", extra: true }),
    );
    const fields = result.errors.map((error) => error.field).sort();
    expect(fields).toEqual(["event", "ip", "occurredAt", "outcome"]);
    expect(result.errors.find((error) => error.field === "event")?.message).toBe("Unknown field: extra.");
    expect(result.errors.find((error) => error.field === "outcome")?.message).toContain("wrong_password");
  });

  it("takes ISO 8601 timestamps with a zone that PostgreSQL accepts, from 2000 to 10 minutes ahead", () => {
    const accepted = [
      "2026-11-20T10:00:00.123+01:00",
      "2024-02-29T00:00:00Z",
      "2026-01-01T10:00:00.123456789Z",
      "2026-01-01T10:00:00+14:00",
      "2000-01-01T00:00:00Z",
    ];
    for (const occurredAt of accepted)
      expect(validateEvent(loginAttemptEvent({ occurredAt })).ok, occurredAt).toBe(true);
    const refused = [
      "2026-11-27T10:00:00", // no zone
      "2026-02-29T00:00:00Z", // not a leap year
      "2026-04-31T00:00:00Z",
      "2026-01-01T24:00:00Z",
      "2026-01-01T10:00:00-23:59", // no such offset (PostgreSQL refuses it)
      "0000-01-01T00:00:00Z",
      "1999-12-31T23:59:59Z",
      "2026-01-01t10:00:00z",
      new Date(Date.now() + 3_600_000).toISOString(),
    ];
    for (const occurredAt of refused)
      expect(errorsOf(loginAttemptEvent({ occurredAt })).errors[0]?.field, occurredAt).toBe("occurredAt");
  });

  it("requires login attempts to name the account one way or another", () => {
    expect(errorsOf(loginAttemptEvent({ identifier: undefined, customer: undefined })).errors[0]?.field).toBe(
      "customer",
    );
    expect(
      validateEvent(loginAttemptEvent({ identifier: undefined, customer: { email: "A@Example.com " } })).ok,
    ).toBe(true);
    expect(errorsOf(loginAttemptEvent({ customer: {} })).errors[0]?.field).toBe("customer");
    expect(errorsOf(loginAttemptEvent({ customer: { externalId: "x", name: "y" } })).errors[0]?.field).toBe(
      "customer",
    );
  });

  it("only takes masked destinations for code deliveries", () => {
    expect(errorsOf(otpDeliveryEvent({ destinationMasked: "+447700900123" })).errors[0]?.field).toBe(
      "destinationMasked",
    );
    expect(validateEvent(otpDeliveryEvent({ destinationMasked: "j***@example.com" })).ok).toBe(true);
  });

  it("caps string lengths and refuses NUL characters", () => {
    expect(errorsOf(loginAttemptEvent({ city: "x".repeat(121) })).errors[0]?.field).toBe("city");
    expect(errorsOf(loginAttemptEvent({ eventId: "x".repeat(129) })).eventId).toBeUndefined();
    expect(errorsOf(loginAttemptEvent({ deviceId: "a\u0000b" })).errors[0]?.field).toBe("deviceId");
    expect(errorsOf(loginAttemptEvent({ customer: { externalId: "a\u0000" } })).errors[0]?.field).toBe(
      "customer.externalId",
    );
  });

  it("checks the envelope: an array of 1 to 1,000 events", () => {
    expect(batchEnvelopeSchema.safeParse({ events: [{}] }).success).toBe(true);
    expect(batchEnvelopeSchema.safeParse({ events: [] }).success).toBe(false);
    expect(batchEnvelopeSchema.safeParse({ events: new Array(1001).fill({}) }).success).toBe(false);
    expect(batchEnvelopeSchema.safeParse([]).success).toBe(false);
    expect(batchEnvelopeSchema.safeParse({ events: [], more: 1 }).success).toBe(false);
  });

  it("never throws, whatever JSON it is given", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateEvent(value);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
    const base = loginAttemptEvent();
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.jsonValue(), (field, value) => {
        const result = validateEvent({ ...base, [field]: value });
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
