// Loads the facts the risk signals are computed from: the last 30 days of one customer's activity,
// plus what "normal" looked like for them in the year before.
import "server-only";
import { getDb } from "@/lib/db/client";
import { fromJsonDate, type JsonDate } from "@/lib/db/json-dates";
import { env } from "@/lib/env";
import { computeRiskSignals, type RiskInput, type RiskSignal } from "./risk-signals";

/** Days of activity the signals read (RISK_WINDOW_DAYS); contact changes stay untrusted as long. */
export function riskWindowDays(): number {
  return env().RISK_WINDOW_DAYS;
}
const HISTORY_DAYS = 365;
const MAX_ATTEMPTS = 2_000;

export const MAX_SHARED_IPS = 50;

type RiskRow = {
  flagged: { at: JsonDate | null } | null;
  attempts: (Omit<RiskInput["attempts"][number], "occurredAt"> & { occurredAt: JsonDate })[];
  history: { deviceId: string | null; country: string | null }[];
  deliveries: (Omit<RiskInput["deliveries"][number], "sentAt" | "usedAt"> & {
    sentAt: JsonDate;
    usedAt: JsonDate | null;
  })[];
  changes: { kind: RiskInput["changes"][number]["kind"]; occurredAt: JsonDate }[];
  scamReports: { reference: string; contactedAt: JsonDate; sharedSomething: boolean }[];
  sharedIps: { ip: string; accounts: number; at: JsonDate }[];
};

/**
 * Everything in one statement, each list folded into JSON: this runs on every customer-page view,
 * and seven statements (with Prisma mapping a few hundred rows) cost the server several times what
 * PostgreSQL spends answering them (docs/performance/console-speed.md). Null for an unknown
 * customer.
 */
export async function loadRiskInput(customerId: string, now = new Date()): Promise<RiskInput | null> {
  const windowStart = new Date(now.getTime() - riskWindowDays() * 86_400_000);
  const historyStart = new Date(windowStart.getTime() - HISTORY_DAYS * 86_400_000);
  const rows = await getDb().$queryRaw<RiskRow[]>`
    WITH window_attempts AS (
      SELECT id, occurred_at, outcome, ip, country, city, latitude, longitude, device_id
      FROM login_attempts
      WHERE customer_id = ${customerId}::uuid AND occurred_at >= ${windowStart}
      ORDER BY occurred_at DESC LIMIT ${MAX_ATTEMPTS}
    ),
    -- How many accounts each of this customer's recent addresses tried (credential stuffing): the
    -- addresses of the attempts above, the MAX_SHARED_IPS most recently used.
    recent_ips AS (
      SELECT ip FROM window_attempts GROUP BY ip ORDER BY max(occurred_at) DESC LIMIT ${MAX_SHARED_IPS}
    )
    SELECT
      (SELECT json_build_object('at', flagged_at) FROM customers WHERE id = ${customerId}::uuid) AS flagged,
      (SELECT coalesce(json_agg(json_build_object(
                'id', id::text, 'occurredAt', occurred_at, 'outcome', outcome, 'ip', ip,
                'country', country, 'city', city, 'latitude', latitude, 'longitude', longitude,
                'deviceId', device_id) ORDER BY occurred_at DESC), '[]')
       FROM window_attempts) AS attempts,
      -- What "normal" looked like: devices and countries of successful sign-ins before the window.
      (SELECT coalesce(json_agg(json_build_object('deviceId', device_id, 'country', country)), '[]')
       FROM (SELECT DISTINCT device_id, country FROM login_attempts
             WHERE customer_id = ${customerId}::uuid AND outcome = 'SUCCESS'
               AND occurred_at >= ${historyStart} AND occurred_at < ${windowStart}) known) AS history,
      (SELECT coalesce(json_agg(json_build_object(
                'id', id::text, 'sentAt', sent_at, 'purpose', purpose, 'channel', channel,
                'destinationMasked', destination_masked, 'usedAt', used_at) ORDER BY sent_at DESC), '[]')
       FROM (SELECT * FROM otp_deliveries
             WHERE customer_id = ${customerId}::uuid AND sent_at >= ${windowStart}
             ORDER BY sent_at DESC LIMIT ${MAX_ATTEMPTS}) sent) AS deliveries,
      (SELECT coalesce(json_agg(json_build_object('kind', kind, 'occurredAt', occurred_at)), '[]')
       FROM account_changes
       WHERE customer_id = ${customerId}::uuid AND occurred_at >= ${windowStart}) AS changes,
      (SELECT coalesce(json_agg(json_build_object(
                'reference', reference, 'contactedAt', contacted_at, 'sharedSomething', shared_something)), '[]')
       FROM scam_reports
       WHERE customer_id = ${customerId}::uuid AND contacted_at >= ${windowStart}) AS "scamReports",
      (SELECT coalesce(json_agg(json_build_object('ip', ip, 'accounts', accounts, 'at', at)), '[]')
       FROM (SELECT ip, count(DISTINCT coalesce(customer_id::text, identifier))::int AS accounts,
                    max(occurred_at) AS at
             FROM login_attempts
             WHERE ip IN (SELECT ip FROM recent_ips) AND occurred_at >= ${windowStart}
             GROUP BY ip) shared) AS "sharedIps"`;
  const row = rows[0];
  if (!row?.flagged) return null;
  return {
    attempts: row.attempts.map((attempt) => ({ ...attempt, occurredAt: fromJsonDate(attempt.occurredAt) })),
    knownDevices: new Set(row.history.flatMap((known) => (known.deviceId ? [known.deviceId] : []))),
    knownCountries: new Set(row.history.flatMap((known) => (known.country ? [known.country] : []))),
    deliveries: row.deliveries.map((delivery) => ({
      ...delivery,
      sentAt: fromJsonDate(delivery.sentAt),
      usedAt: fromJsonDate(delivery.usedAt),
    })),
    changes: row.changes.map((change) => ({ ...change, occurredAt: fromJsonDate(change.occurredAt) })),
    sharedIps: row.sharedIps.map((shared) => ({ ...shared, at: fromJsonDate(shared.at) })),
    scamReports: row.scamReports.map((report) => ({
      ...report,
      contactedAt: fromJsonDate(report.contactedAt),
    })),
    flaggedAt: fromJsonDate(row.flagged.at),
  };
}

/** The most recent of the input's scam reports, or null. */
export function latestScamReport(input: RiskInput): RiskInput["scamReports"][number] | null {
  return input.scamReports.reduce<RiskInput["scamReports"][number] | null>(
    (latest, report) => (!latest || report.contactedAt > latest.contactedAt ? report : latest),
    null,
  );
}

export async function getRiskSignals(customerId: string, now = new Date()): Promise<RiskSignal[]> {
  const input = await loadRiskInput(customerId, now);
  return input ? computeRiskSignals(input) : [];
}
