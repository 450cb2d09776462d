import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginAttemptEvent, otpDeliveryEvent } from "@/test/factories/events";
import { CODE_FIELD_MESSAGE, MAX_USER_AGENT_LENGTH, batchEnvelopeSchema, validateEvent } from "./schemas";

function errorsOf(raw: unknown) {
  const result = validateEvent(raw);
  if (result.ok) throw new Error("expected the event to be rejected");
  return result;
}

describe("ingest event schemas", () => {
  it("accepts both event types and stores enums as the database's labels", () => {
    const attempt = validateEvent(loginAttemptEvent({ outcome: "code_wrong", factor: "sms", country: "gb", ip: "::FFFF:198.51.100.7" }));
    expect(attempt.ok && attempt.event).toMatchObject({ type: "login_attempt", outcome: "CODE_WRONG", factor: "SMS", country: "GB", ip: "198.51.100.7" });
    const delivery = validateEvent(otpDeliveryEvent({ purpose: "factor_change", channel: "voice", status: "failed", statusReason: "Carrier rejected" }));
    expect(delivery.ok && delivery.event).toMatchObject({ type: "otp_delivery", purpose: "FACTOR_CHANGE", channel: "VOICE", status: "FAILED" });
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
    const result = errorsOf(loginAttemptEvent({ ip: "999.1.1.1", occurredAt: "2026-11-27 10:00", outcome: "maybe", extra: true }));
    const fields = result.errors.map((error) => error.field).sort();
    expect(fields).toEqual(["event", "ip", "occurredAt", "outcome"]);
    expect(result.errors.find((error) => error.field === "event")?.message).toBe("Unknown field: extra.");
    expect(result.errors.find((error) => error.field === "outcome")?.message).toContain("wrong_password");
  });

  it("requires a zone on timestamps and refuses times far in the future", () => {
    expect(errorsOf(loginAttemptEvent({ occurredAt: "2026-11-27T10:00:00" })).errors[0]?.field).toBe("occurredAt");
    expect(validateEvent(loginAttemptEvent({ occurredAt: "2026-11-20T10:00:00.123+01:00" })).ok).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(errorsOf(loginAttemptEvent({ occurredAt: future })).errors[0]?.message).toContain("future");
  });

  it("requires login attempts to name the account one way or another", () => {
    expect(errorsOf(loginAttemptEvent({ identifier: undefined, customer: undefined })).errors[0]?.field).toBe("customer");
    expect(validateEvent(loginAttemptEvent({ identifier: undefined, customer: { email: "A@Example.com " } })).ok).toBe(true);
    expect(errorsOf(loginAttemptEvent({ customer: {} })).errors[0]?.field).toBe("customer");
    expect(errorsOf(loginAttemptEvent({ customer: { externalId: "x", name: "y" } })).errors[0]?.field).toBe("customer");
  });

  it("only takes masked destinations for code deliveries", () => {
    expect(errorsOf(otpDeliveryEvent({ destinationMasked: "+447700900123" })).errors[0]?.field).toBe("destinationMasked");
    expect(validateEvent(otpDeliveryEvent({ destinationMasked: "j***@example.com" })).ok).toBe(true);
  });

  it("caps string lengths, cuts long user agents and refuses NUL characters", () => {
    expect(errorsOf(loginAttemptEvent({ city: "x".repeat(121) })).errors[0]?.field).toBe("city");
    expect(errorsOf(loginAttemptEvent({ eventId: "x".repeat(129) })).eventId).toBeUndefined();
    expect(errorsOf(loginAttemptEvent({ deviceId: "a\u0000b" })).errors[0]?.field).toBe("deviceId");
    const long = validateEvent(loginAttemptEvent({ userAgent: "U".repeat(5000) }));
    expect(long.ok && long.event.type === "login_attempt" && long.event.userAgent?.length).toBe(MAX_USER_AGENT_LENGTH);
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
