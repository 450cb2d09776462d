// A customer's activity between two instants, oldest first, and the devices they used before: what
// another area needs to line events up against a moment (a reported scam call, for instance).
import "server-only";
import { getDb } from "@/lib/db/client";
import type { LoginAttemptRow, OtpDeliveryRow } from "./activity";

export type ActivityWindow = {
  attempts: LoginAttemptRow[];
  deliveries: OtpDeliveryRow[];
  truncated: boolean;
};

export const WINDOW_MAX_ROWS = 500;

export async function listActivityBetween(
  customerId: string,
  from: Date,
  to: Date,
  take = WINDOW_MAX_ROWS,
): Promise<ActivityWindow> {
  const db = getDb();
  const [attempts, deliveries] = await Promise.all([
    db.loginAttempt.findMany({
      where: { customerId, occurredAt: { gte: from, lte: to } },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      take: take + 1,
      select: {
        id: true,
        occurredAt: true,
        outcome: true,
        factor: true,
        ip: true,
        country: true,
        city: true,
        deviceId: true,
        userAgent: true,
        flowId: true,
      },
    }),
    db.otpDelivery.findMany({
      where: { customerId, sentAt: { gte: from, lte: to } },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      take: take + 1,
      select: {
        id: true,
        sentAt: true,
        purpose: true,
        channel: true,
        destinationMasked: true,
        status: true,
        statusReason: true,
        expiresAt: true,
        usedAt: true,
        requestIp: true,
        requestCountry: true,
        requestDeviceId: true,
        requestUserAgent: true,
        flowId: true,
      },
    }),
  ]);
  return {
    attempts: attempts.slice(0, take).map((row) => ({ ...row, id: row.id.toString() })),
    deliveries: deliveries.slice(0, take).map((row) => ({ ...row, id: row.id.toString() })),
    truncated: attempts.length > take || deliveries.length > take,
  };
}

/** Devices and countries of the customer's successful sign-ins in the `days` before `before`. */
export async function listKnownDevices(
  customerId: string,
  before: Date,
  days = 365,
): Promise<{ devices: Set<string>; countries: Set<string> }> {
  const since = new Date(before.getTime() - days * 86_400_000);
  const rows = await getDb().$queryRaw<{ device_id: string | null; country: string | null }[]>`
    SELECT DISTINCT device_id, country FROM login_attempts
    WHERE customer_id = ${customerId}::uuid AND outcome = 'SUCCESS' AND occurred_at >= ${since} AND occurred_at < ${before}`;
  return {
    devices: new Set(rows.flatMap((row) => (row.device_id ? [row.device_id] : []))),
    countries: new Set(rows.flatMap((row) => (row.country ? [row.country] : []))),
  };
}
