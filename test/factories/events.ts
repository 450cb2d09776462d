// Ingest events as the identity system sends them (wire format), for Vitest and Playwright alike.
// Pure: no database access.
import { randomBytes } from "node:crypto";

export type WireEvent = Record<string, unknown>;

export function uniqueTag(): string {
  return randomBytes(6).toString("hex");
}

export function loginAttemptEvent(overrides: WireEvent = {}): WireEvent {
  return {
    type: "login_attempt",
    eventId: `la_${uniqueTag()}`,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    outcome: "wrong_password",
    factor: "password",
    identifier: "someone@example.com",
    flowId: `flow_${uniqueTag()}`,
    ip: "203.0.113.50",
    country: "GB",
    city: "London",
    latitude: 51.5072,
    longitude: -0.1276,
    deviceId: "dev_test",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Test/1.0",
    ...overrides,
  };
}

export function otpDeliveryEvent(overrides: WireEvent = {}): WireEvent {
  const sentAt = Date.now() - 120_000;
  return {
    type: "otp_delivery",
    eventId: `otp_${uniqueTag()}`,
    sentAt: new Date(sentAt).toISOString(),
    purpose: "sign_in",
    channel: "sms",
    customer: { externalId: "cust_unknown" },
    destinationMasked: "+44 •••• ••• 123",
    status: "delivered",
    expiresAt: new Date(sentAt + 5 * 60_000).toISOString(),
    flowId: `flow_${uniqueTag()}`,
    requestIp: "203.0.113.50",
    requestCountry: "GB",
    requestDeviceId: "dev_test",
    requestUserAgent: "Mozilla/5.0 (X11; Linux x86_64) Test/1.0",
    ...overrides,
  };
}
