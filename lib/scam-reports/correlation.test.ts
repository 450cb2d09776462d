import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { LoginAttemptRow, OtpDeliveryRow } from "@/lib/customers/activity";
import { createCustomer } from "@/test/factories/customers";
import { correlate, describeOffset } from "./correlation";
import { loadCorrelation } from "./report-detail";

const MIN = 60_000;
const call = new Date("2026-11-25T09:35:00Z");
const t = (minutes: number) => new Date(call.getTime() + minutes * MIN);

function attempt(id: string, minutes: number, fields: Partial<LoginAttemptRow> = {}): LoginAttemptRow {
  return {
    id,
    occurredAt: t(minutes),
    outcome: "SUCCESS",
    factor: "SMS",
    ip: "192.0.2.10",
    country: "GB",
    city: "Manchester",
    deviceId: "home-phone",
    userAgent: null,
    flowId: null,
    ...fields,
  };
}

function delivery(id: string, minutes: number, fields: Partial<OtpDeliveryRow> = {}): OtpDeliveryRow {
  return {
    id,
    sentAt: t(minutes),
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: "+44 •••• ••• 456",
    status: "DELIVERED",
    statusReason: null,
    expiresAt: null,
    usedAt: null,
    requestIp: null,
    requestCountry: null,
    requestDeviceId: null,
    requestUserAgent: null,
    flowId: null,
    ...fields,
  };
}

const attacker = { ip: "198.51.100.66", country: "US", city: "Ashburn", deviceId: "attacker-pc" };

describe("correlate", () => {
  const input = {
    contactedAt: call,
    sharedSomething: true,
    knownDevices: new Set(["home-phone", "home-pc"]),
    attempts: [
      attempt("a0", -130, { flowId: "f0" }), // his own sign-in that morning, from home
      attempt("a1", 25, { ...attacker, outcome: "CODE_SENT", flowId: "f1" }),
      attempt("a2", 26.5, { ...attacker, flowId: "f1" }),
      attempt("a3", 60 * 30, { ...attacker }), // outside the 24-hour window
    ],
    deliveries: [
      delivery("d0", -130, { flowId: "f0", usedAt: t(-129), requestDeviceId: "home-phone" }),
      delivery("d1", 25, {
        flowId: "f1",
        usedAt: t(26.5),
        requestDeviceId: attacker.deviceId,
        requestIp: attacker.ip,
      }),
      delivery("d2", 31, { purpose: "FACTOR_CHANGE", usedAt: t(31.5), requestDeviceId: attacker.deviceId }),
      delivery("d3", 40),
    ],
  };

  it("flags the code that was sent and then used on a new device as the likely takeover", () => {
    const result = correlate(input);
    expect(result.likelyTakeover).toEqual({ deliveryId: "d1", attemptId: "a2", at: t(26.5) });
    const finding = result.findings.find((item) => item.kind === "CODE_USED_ON_NEW_DEVICE");
    expect(finding?.severity).toBe("high");
    expect(finding?.explanation).toContain(
      "sign-in code was sent by sms to +44 •••• ••• 456 25 minutes after the reported contact",
    );
    expect(finding?.explanation).toContain("Ashburn, US, IP 198.51.100.66");
    expect(finding?.explanation).toContain("most likely read out");
    expect(finding?.explanation).toContain("1 more code was used from a new device (sign-in method change)");
    expect(finding?.deliveryIds).toEqual(["d1", "d2"]);
    expect(finding?.attemptIds).toEqual(["a2"]);
  });

  it("keeps only the window from 2 hours before to 24 hours after the contact, oldest first", () => {
    const result = correlate(input);
    expect(result.attempts.map((row) => row.id)).toEqual(["a1", "a2"]);
    expect(result.deliveries.map((row) => row.id)).toEqual(["d1", "d2", "d3"]);
    expect(result.from).toEqual(t(-120));
    expect(result.to).toEqual(t(24 * 60));
  });

  it("marks rows for highlighting and reports codes that were never used", () => {
    const result = correlate(input);
    expect(result.attempts.find((row) => row.id === "a2")).toMatchObject({ newDevice: true, takeover: true });
    expect(result.deliveries.find((row) => row.id === "d1")).toMatchObject({
      usedOnNewDevice: true,
      usedByDevice: "attacker-pc",
      takeover: true,
    });
    expect(result.deliveries.find((row) => row.id === "d3")).toMatchObject({
      usedOnNewDevice: false,
      takeover: false,
    });
    expect(result.findings.map((item) => item.kind)).toContain("UNUSED_CODES");
  });

  it("does not call anything new without a history, and says so", () => {
    const result = correlate({ ...input, knownDevices: new Set() });
    expect(result.likelyTakeover).toBeNull();
    expect(result.findings.map((item) => item.kind)).toEqual(["UNUSED_CODES", "NO_BASELINE"]);
  });

  it("reports a new-device sign-in that no code explains, and a quiet account", () => {
    const quietInput = {
      ...input,
      attempts: [attempt("p1", 90, { ...attacker, factor: "PASSWORD" })],
      deliveries: [],
    };
    expect(correlate(quietInput).findings.map((item) => item.kind)).toEqual(["NEW_DEVICE_SIGN_IN"]);
    expect(correlate({ ...input, attempts: [], deliveries: [] }).findings.map((item) => item.kind)).toEqual([
      "QUIET",
    ]);
  });

  it("describes offsets in words", () => {
    expect(describeOffset(25 * MIN)).toBe("25 minutes after the reported contact");
    expect(describeOffset(-70 * MIN)).toBe("1 hour 10 minutes before the reported contact");
    expect(describeOffset(0)).toBe("at the time of the reported contact");
  });
});

describe("loadCorrelation (real database)", () => {
  it("loads the customer's activity around the contact and finds the takeover", async () => {
    const db = getDb();
    const customer = await createCustomer();
    const contactedAt = new Date(Date.now() - 2 * 86_400_000);
    const at = (minutes: number) => new Date(contactedAt.getTime() + minutes * MIN);
    const base = { customerId: customer.id, ip: "192.0.2.10", country: "GB" };
    await db.loginAttempt.createMany({
      data: [
        // History: the home phone, weeks earlier.
        {
          ...base,
          eventId: randomUUID(),
          occurredAt: new Date(contactedAt.getTime() - 20 * 86_400_000),
          outcome: "SUCCESS",
          deviceId: "home-phone",
        },
        {
          ...base,
          eventId: randomUUID(),
          occurredAt: at(25),
          outcome: "CODE_SENT",
          ip: attacker.ip,
          country: "US",
          deviceId: attacker.deviceId,
          flowId: "flow-x",
        },
        {
          ...base,
          eventId: randomUUID(),
          occurredAt: at(27),
          outcome: "SUCCESS",
          ip: attacker.ip,
          country: "US",
          city: "Ashburn",
          deviceId: attacker.deviceId,
          flowId: "flow-x",
        },
        // Another customer's sign-in at the same moment must not appear.
        {
          eventId: randomUUID(),
          occurredAt: at(27),
          outcome: "SUCCESS",
          ip: "203.0.113.9",
          deviceId: "someone-else",
        },
      ],
    });
    await db.otpDelivery.createMany({
      data: [
        {
          customerId: customer.id,
          eventId: randomUUID(),
          flowId: "flow-x",
          sentAt: at(25),
          purpose: "SIGN_IN",
          channel: "SMS",
          destinationMasked: "+44 •••• ••• 456",
          status: "DELIVERED",
          usedAt: at(27),
          requestDeviceId: attacker.deviceId,
          requestIp: attacker.ip,
        },
      ],
    });

    const result = await loadCorrelation({
      customer: { id: customer.id },
      contactedAt,
      sharedSomething: true,
    });
    expect(result?.attempts.map((row) => row.outcome)).toEqual(["CODE_SENT", "SUCCESS"]);
    expect(result?.likelyTakeover?.at).toEqual(at(27));
    expect(result?.truncated).toBe(false);
    expect(await loadCorrelation({ customer: null, contactedAt, sharedSomething: true })).toBeNull();
  });
});
