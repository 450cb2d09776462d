// Loads the facts the risk signals are computed from: the last 30 days of one customer's activity,
// plus what "normal" looked like for them in the year before.
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { computeRiskSignals, type RiskInput, type RiskSignal } from "./risk-signals";

/** Days of activity the signals read (RISK_WINDOW_DAYS); contact changes stay untrusted as long. */
export function riskWindowDays(): number {
  return env().RISK_WINDOW_DAYS;
}
const HISTORY_DAYS = 365;
const MAX_ATTEMPTS = 2_000;

export const MAX_SHARED_IPS = 50;

/**
 * `known` is the customer's row when the caller has already read it (the customer page does): one
 * query fewer per view.
 */
export async function loadRiskInput(
  customerId: string,
  now = new Date(),
  known?: { flaggedAt: Date | null },
): Promise<RiskInput | null> {
  const db = getDb();
  const windowStart = new Date(now.getTime() - riskWindowDays() * 86_400_000);
  const historyStart = new Date(windowStart.getTime() - HISTORY_DAYS * 86_400_000);

  // All independent, so sent at once: the page waits for the slowest query, not for their sum. An
  // unknown customer costs a few empty index lookups, and the page shows nothing for it.
  const [customer, attempts, history, deliveries, changes, scamReports, sharedIps] = await Promise.all([
    known ?? db.customer.findUnique({ where: { id: customerId }, select: { flaggedAt: true } }),
    db.loginAttempt.findMany({
      where: { customerId, occurredAt: { gte: windowStart } },
      orderBy: { occurredAt: "desc" },
      take: MAX_ATTEMPTS,
      select: {
        id: true,
        occurredAt: true,
        outcome: true,
        ip: true,
        country: true,
        city: true,
        latitude: true,
        longitude: true,
        deviceId: true,
      },
    }),
    db.$queryRaw<{ device_id: string | null; country: string | null }[]>`
      SELECT DISTINCT device_id, country FROM login_attempts
      WHERE customer_id = ${customerId}::uuid AND outcome = 'SUCCESS'
        AND occurred_at >= ${historyStart} AND occurred_at < ${windowStart}`,
    db.otpDelivery.findMany({
      where: { customerId, sentAt: { gte: windowStart } },
      orderBy: { sentAt: "desc" },
      take: MAX_ATTEMPTS,
      select: { id: true, sentAt: true, purpose: true, channel: true, destinationMasked: true, usedAt: true },
    }),
    db.accountChange.findMany({
      where: { customerId, occurredAt: { gte: windowStart } },
      select: { kind: true, occurredAt: true },
    }),
    db.scamReport.findMany({
      where: { customerId, contactedAt: { gte: windowStart } },
      select: { reference: true, contactedAt: true },
    }),
    // How many accounts each of this customer's recent addresses tried (credential stuffing): the
    // addresses of the same attempts as above (the newest MAX_ATTEMPTS), the MAX_SHARED_IPS most
    // recently used, found in the same statement rather than after a round trip.
    db.$queryRaw<{ ip: string; accounts: number; at: Date }[]>`
      WITH recent_ips AS (
        SELECT ip FROM (
          SELECT ip, occurred_at FROM login_attempts
          WHERE customer_id = ${customerId}::uuid AND occurred_at >= ${windowStart}
          ORDER BY occurred_at DESC LIMIT ${MAX_ATTEMPTS}
        ) recent
        GROUP BY ip ORDER BY max(occurred_at) DESC LIMIT ${MAX_SHARED_IPS}
      )
      SELECT ip, count(DISTINCT coalesce(customer_id::text, identifier))::int AS accounts, max(occurred_at) AS at
      FROM login_attempts
      WHERE ip IN (SELECT ip FROM recent_ips) AND occurred_at >= ${windowStart}
      GROUP BY ip`,
  ]);
  if (!customer) return null;

  return {
    attempts: attempts.map((attempt) => ({ ...attempt, id: attempt.id.toString() })),
    knownDevices: new Set(history.flatMap((row) => (row.device_id ? [row.device_id] : []))),
    knownCountries: new Set(history.flatMap((row) => (row.country ? [row.country] : []))),
    deliveries: deliveries.map((delivery) => ({ ...delivery, id: delivery.id.toString() })),
    changes,
    sharedIps,
    scamReports,
    flaggedAt: customer.flaggedAt,
  };
}

export async function getRiskSignals(
  customerId: string,
  now = new Date(),
  known?: { flaggedAt: Date | null },
): Promise<RiskSignal[]> {
  const input = await loadRiskInput(customerId, now, known);
  return input ? computeRiskSignals(input) : [];
}
