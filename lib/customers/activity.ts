// A customer's login attempts and OTP deliveries, newest first, with filters and cursor pages.
// Every query is bounded by customer_id and walks the (customer_id, time DESC) index.
import "server-only";
import { maskIdentifier } from "./masking";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dayRange, type AttemptFilters, type DeliveryFilters } from "./activity-filters";
import { decodeTimeCursor, encodeTimeCursor } from "./cursor";

export const ACTIVITY_PAGE_SIZE = 50;

export type LoginAttemptRow = {
  id: string;
  occurredAt: Date;
  outcome: string;
  factor: string | null;
  ip: string;
  country: string | null;
  city: string | null;
  deviceId: string | null;
  userAgent: string | null;
  flowId: string | null;
};

export type OtpDeliveryRow = {
  id: string;
  sentAt: Date;
  purpose: string;
  channel: string;
  destinationMasked: string;
  status: string;
  statusReason: string | null;
  expiresAt: Date | null;
  usedAt: Date | null;
  requestIp: string | null;
  requestCountry: string | null;
  requestDeviceId: string | null;
  requestUserAgent: string | null;
  flowId: string | null;
};

export type Page<Row> = { rows: Row[]; nextCursor: string | null };

function before(cursor: string | undefined, field: "occurredAt" | "sentAt") {
  const decoded = decodeTimeCursor(cursor);
  if (!decoded) return {};
  return { OR: [{ [field]: { lt: decoded.at } }, { [field]: decoded.at, id: { lt: decoded.id } }] };
}

const ATTEMPT_SELECT = {
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
} as const;

function attemptRow(row: Omit<LoginAttemptRow, "id"> & { id: bigint }): LoginAttemptRow {
  return { ...row, id: row.id.toString() };
}

export async function listLoginAttempts(
  customerId: string,
  filters: AttemptFilters,
  take = ACTIVITY_PAGE_SIZE,
): Promise<Page<LoginAttemptRow>> {
  const where: Prisma.LoginAttemptWhereInput = {
    customerId,
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.ip ? { ip: filters.ip } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.device ? { deviceId: filters.device } : {}),
    ...(filters.from || filters.to ? { occurredAt: dayRange(filters.from, filters.to) } : {}),
    ...before(filters.cursor, "occurredAt"),
  };
  const rows = await getDb().loginAttempt.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: ATTEMPT_SELECT,
  });
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return {
    rows: page.map(attemptRow),
    nextCursor: rows.length > take && last ? encodeTimeCursor({ at: last.occurredAt, id: last.id }) : null,
  };
}

const DELIVERY_SELECT = {
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
} as const;

export async function listOtpDeliveries(
  customerId: string,
  filters: DeliveryFilters,
  take = ACTIVITY_PAGE_SIZE,
): Promise<Page<OtpDeliveryRow>> {
  const where: Prisma.OtpDeliveryWhereInput = {
    customerId,
    ...(filters.purpose ? { purpose: filters.purpose } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from || filters.to ? { sentAt: dayRange(filters.from, filters.to) } : {}),
    ...before(filters.cursor, "sentAt"),
  };
  const rows = await getDb().otpDelivery.findMany({
    where,
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: DELIVERY_SELECT,
  });
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return {
    rows: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextCursor: rows.length > take && last ? encodeTimeCursor({ at: last.sentAt, id: last.id }) : null,
  };
}

export type AttemptDetail = {
  attempt: LoginAttemptRow & {
    latitude: number | null;
    longitude: number | null;
    /** What was typed to sign in, masked like the profile; revealing it is an audited step-up. */
    identifierMasked: string | null;
    eventId: string;
  };
  deliveries: OtpDeliveryRow[];
  sessions: {
    id: string;
    deviceLabel: string | null;
    ip: string | null;
    createdAt: Date;
    lastSeenAt: Date;
    revokedAt: Date | null;
  }[];
};

const MAX_INT8 = 9_223_372_036_854_775_807n;

/** One attempt of this customer (the id comes from the URL: it must belong to the customer). */
export async function getLoginAttemptDetail(
  customerId: string,
  attemptId: string,
): Promise<AttemptDetail | null> {
  // A bigint id from the URL: anything PostgreSQL's int8 cannot hold names no attempt.
  if (!/^\d{1,19}$/.test(attemptId) || BigInt(attemptId) > MAX_INT8) return null;
  const db = getDb();
  const attempt = await db.loginAttempt.findFirst({
    where: { id: BigInt(attemptId), customerId },
    select: { ...ATTEMPT_SELECT, latitude: true, longitude: true, identifier: true, eventId: true },
  });
  if (!attempt) return null;
  const windowStart = new Date(attempt.occurredAt.getTime() - 30 * 60_000);
  const windowEnd = new Date(attempt.occurredAt.getTime() + 30 * 60_000);
  const [deliveries, sessions] = await Promise.all([
    // Codes of the same sign-in flow; without a flow id, codes to this customer around that moment.
    db.otpDelivery.findMany({
      where: attempt.flowId
        ? { customerId, flowId: attempt.flowId }
        : { customerId, sentAt: { gte: windowStart, lte: windowEnd } },
      orderBy: { sentAt: "asc" },
      take: 100,
      select: DELIVERY_SELECT,
    }),
    attempt.deviceId
      ? db.customerSession.findMany({
          where: { customerId, deviceId: attempt.deviceId },
          orderBy: { createdAt: "desc" },
          take: 10,
          select: {
            id: true,
            deviceLabel: true,
            ip: true,
            createdAt: true,
            lastSeenAt: true,
            revokedAt: true,
          },
        })
      : Promise.resolve([]),
  ]);
  const { identifier, ...shown } = attempt;
  return {
    attempt: {
      ...shown,
      id: attempt.id.toString(),
      identifierMasked: identifier ? maskIdentifier(identifier) : null,
    },
    deliveries: deliveries.map((row) => ({ ...row, id: row.id.toString() })),
    sessions,
  };
}
