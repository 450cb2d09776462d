// Aggregates for the analytics page: reports received over time, the most reported numbers and
// impersonated organisations, what scammers asked for, and money lost. Everything is computed by
// PostgreSQL over the period's reports (by the time each report was received).
import "server-only";
import { getDb } from "@/lib/db/client";
import type { ScamAsk, ScamChannel } from "@/lib/generated/prisma/enums";

export type Bucket = "day" | "week" | "month";

export function bucketFor(days: number): Bucket {
  return days <= 31 ? "day" : days <= 120 ? "week" : "month";
}

export type ScamAnalytics = {
  days: number;
  from: Date;
  to: Date;
  bucket: Bucket;
  total: number;
  fromPublic: number;
  shared: number;
  overTime: { start: Date; count: number }[];
  byChannel: { channel: ScamChannel; count: number }[];
  topNumbers: { number: string; count: number; lastContactedAt: Date; organisations: string[] }[];
  topOrganisations: { organisation: string; count: number }[];
  asks: { ask: ScamAsk; count: number }[];
  moneyByCurrency: { currency: string; reports: number; totalCents: number; largestCents: number }[];
  paymentMethods: { method: string; reports: number }[];
};

export async function getScamAnalytics(days: number, now = new Date()): Promise<ScamAnalytics> {
  const db = getDb();
  const bucket = bucketFor(days);
  const from = new Date(now.getTime() - days * 86_400_000);
  const to = now;
  const [totals, overTime, byChannel, topNumbers, topOrganisations, asks, money, methods] = await Promise.all(
    [
      db.$queryRaw<{ total: number; from_public: number; shared: number }[]>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE source = 'PUBLIC_FORM')::int AS from_public,
             count(*) FILTER (WHERE shared_something)::int AS shared
      FROM scam_reports WHERE created_at >= ${from} AND created_at <= ${to}`,
      // Every bucket of the period, empty ones included, in UTC.
      db.$queryRaw<{ start: Date; count: number }[]>`
      WITH buckets AS (
        SELECT generate_series(
          date_trunc(${bucket}, ${from}::timestamptz AT TIME ZONE 'UTC'),
          date_trunc(${bucket}, ${to}::timestamptz AT TIME ZONE 'UTC'),
          ('1 ' || ${bucket})::interval) AS start
      )
      SELECT (buckets.start AT TIME ZONE 'UTC') AS start, count(r.id)::int AS count
      FROM buckets
      LEFT JOIN scam_reports r
        ON date_trunc(${bucket}, r.created_at AT TIME ZONE 'UTC') = buckets.start
       AND r.created_at >= ${from} AND r.created_at <= ${to}
      GROUP BY buckets.start ORDER BY buckets.start`,
      db.$queryRaw<{ channel: ScamChannel; count: number }[]>`
      SELECT channel, count(*)::int AS count FROM scam_reports
      WHERE created_at >= ${from} AND created_at <= ${to} GROUP BY channel ORDER BY count DESC`,
      db.$queryRaw<
        { number: string; count: number; last_contacted_at: Date; organisations: string[] | null }[]
      >`
      SELECT contact_number_e164 AS number, count(*)::int AS count, max(contacted_at) AS last_contacted_at,
             (array_agg(DISTINCT claimed_organisation) FILTER (WHERE claimed_organisation IS NOT NULL))[1:3] AS organisations
      FROM scam_reports
      WHERE created_at >= ${from} AND created_at <= ${to} AND contact_number_e164 IS NOT NULL
      GROUP BY contact_number_e164 ORDER BY count DESC, max(contacted_at) DESC LIMIT 10`,
      // Spellings differ ("Bank fraud dept", "bank fraud dept"): grouped case-insensitively, shown as most often written.
      db.$queryRaw<{ organisation: string; count: number }[]>`
      SELECT mode() WITHIN GROUP (ORDER BY claimed_organisation) AS organisation, count(*)::int AS count
      FROM scam_reports
      WHERE created_at >= ${from} AND created_at <= ${to} AND claimed_organisation IS NOT NULL
      GROUP BY lower(claimed_organisation) ORDER BY count DESC, organisation LIMIT 10`,
      db.$queryRaw<{ ask: ScamAsk; count: number }[]>`
      SELECT ask, count(*)::int AS count FROM scam_reports, unnest(asks) AS ask
      WHERE created_at >= ${from} AND created_at <= ${to} GROUP BY ask ORDER BY count DESC`,
      db.$queryRaw<{ currency: string; reports: number; total_cents: bigint; largest_cents: number }[]>`
      SELECT currency, count(*)::int AS reports, sum(money_lost_cents)::bigint AS total_cents, max(money_lost_cents) AS largest_cents
      FROM scam_reports
      WHERE created_at >= ${from} AND created_at <= ${to} AND money_lost_cents > 0 AND currency IS NOT NULL
      GROUP BY currency ORDER BY total_cents DESC`,
      db.$queryRaw<{ method: string; reports: number }[]>`
      SELECT payment_method AS method, count(*)::int AS reports FROM scam_reports
      WHERE created_at >= ${from} AND created_at <= ${to} AND money_lost_cents > 0 AND payment_method IS NOT NULL
      GROUP BY payment_method ORDER BY reports DESC LIMIT 10`,
    ],
  );
  const summary = totals[0] ?? { total: 0, from_public: 0, shared: 0 };
  return {
    days,
    from,
    to,
    bucket,
    total: summary.total,
    fromPublic: summary.from_public,
    shared: summary.shared,
    overTime,
    byChannel,
    topNumbers: topNumbers.map((row) => ({
      number: row.number,
      count: row.count,
      lastContactedAt: row.last_contacted_at,
      organisations: row.organisations ?? [],
    })),
    topOrganisations,
    asks,
    moneyByCurrency: money.map((row) => ({
      currency: row.currency,
      reports: row.reports,
      totalCents: Number(row.total_cents),
      largestCents: row.largest_cents,
    })),
    paymentMethods: methods,
  };
}
