// The watchlist: caller numbers named by several reports in a recent period (by default 3 reports
// in 90 days; SCAM_WATCHLIST_MIN_REPORTS and SCAM_WATCHLIST_DAYS change it). It is computed from
// the reports on every read rather than stored, so it can never disagree with them, and a number
// drops off by itself when the reports age out.
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { listCaseTextsForCustomer, type CaseText } from "@/lib/cases/case-lookup";
import { extractPhoneNumbers } from "./contact-number";

export type WatchlistRules = { minReports: number; days: number };

export function watchlistRules(): WatchlistRules {
  const config = env();
  return { minReports: config.SCAM_WATCHLIST_MIN_REPORTS, days: config.SCAM_WATCHLIST_DAYS };
}

export type WatchlistEntry = {
  number: string;
  reports: number;
  firstContactedAt: Date;
  lastContactedAt: Date;
  organisations: string[];
};

type Row = {
  number: string;
  reports: number;
  first_contacted_at: Date;
  last_contacted_at: Date;
  organisations: string[] | null;
};

async function queryWatchlist(
  rules: WatchlistRules,
  now: Date,
  numbers: string[] | null,
  limit: number,
): Promise<WatchlistEntry[]> {
  const since = new Date(now.getTime() - rules.days * 86_400_000);
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT contact_number_e164 AS number, count(*)::int AS reports,
           min(contacted_at) AS first_contacted_at, max(contacted_at) AS last_contacted_at,
           (array_agg(DISTINCT claimed_organisation) FILTER (WHERE claimed_organisation IS NOT NULL))[1:5] AS organisations
    FROM scam_reports
    WHERE contact_number_e164 IS NOT NULL AND contacted_at >= ${since} AND contacted_at <= ${now}
      AND (${numbers}::text[] IS NULL OR contact_number_e164 = ANY(${numbers}::text[]))
    GROUP BY contact_number_e164
    HAVING count(*) >= ${rules.minReports}
    ORDER BY count(*) DESC, max(contacted_at) DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    number: row.number,
    reports: row.reports,
    firstContactedAt: row.first_contacted_at,
    lastContactedAt: row.last_contacted_at,
    organisations: row.organisations ?? [],
  }));
}

export async function listWatchlist(rules = watchlistRules(), now = new Date()): Promise<WatchlistEntry[]> {
  return queryWatchlist(rules, now, null, 500);
}

/** The watchlisted numbers among `numbers`, keyed by number. */
export async function findWatchlisted(
  numbers: readonly string[],
  rules = watchlistRules(),
  now = new Date(),
): Promise<Map<string, WatchlistEntry>> {
  const unique = [...new Set(numbers)].slice(0, 500);
  if (unique.length === 0) return new Map();
  const entries = await queryWatchlist(rules, now, unique, unique.length);
  return new Map(entries.map((entry) => [entry.number, entry]));
}

export type WatchlistMention = WatchlistEntry & {
  /** Where the customer's records name the number. */
  mentionedIn: ({ kind: "report"; reference: string } | { kind: "case"; caseId: string; number: number })[];
};

/**
 * Watchlisted numbers that this customer's scam reports or cases mention (report numbers, and
 * numbers written in case subjects, outcomes and notes), for the warning on the customer page.
 */
export async function findWatchlistMentionsForCustomer(
  customerId: string,
  rules = watchlistRules(),
  now = new Date(),
): Promise<WatchlistMention[]> {
  const [reports, cases] = await Promise.all([
    getDb().scamReport.findMany({
      where: { customerId, contactNumberE164: { not: null } },
      orderBy: { contactedAt: "desc" },
      take: 50,
      select: { reference: true, contactNumberE164: true },
    }),
    listCaseTextsForCustomer(customerId),
  ]);
  const sources: WatchlistSources = {
    reports: reports.flatMap(({ reference, contactNumberE164: number }) =>
      number ? [{ reference, number }] : [],
    ),
    cases,
  };
  return findWatchlistMentions(sources, rules, now);
}

/** What a customer's records say that the watchlist warning scans. */
export type WatchlistSources = {
  /** The customer's reports that name a caller number, newest first. */
  reports: { reference: string; number: string }[];
  /** Subjects, outcomes and notes of the customer's cases. */
  cases: CaseText[];
};

/**
 * The watchlisted numbers among those the sources name. The customer page reads the sources with
 * its other lists (customer-page-lists.ts); findWatchlistMentionsForCustomer reads them alone.
 */
export async function findWatchlistMentions(
  sources: WatchlistSources,
  rules = watchlistRules(),
  now = new Date(),
): Promise<WatchlistMention[]> {
  const mentions = new Map<string, WatchlistMention["mentionedIn"]>();
  const mention = (number: string, where: WatchlistMention["mentionedIn"][number]) => {
    const list = mentions.get(number) ?? [];
    if (!list.some((item) => JSON.stringify(item) === JSON.stringify(where))) list.push(where);
    mentions.set(number, list);
  };
  for (const report of sources.reports)
    mention(report.number, { kind: "report", reference: report.reference });
  for (const item of sources.cases) {
    for (const number of extractPhoneNumbers(item.texts.join("\n")))
      mention(number, { kind: "case", caseId: item.caseId, number: item.number });
  }
  const watchlisted = await findWatchlisted([...mentions.keys()], rules, now);
  return [...watchlisted.values()].map((entry) => ({
    ...entry,
    mentionedIn: mentions.get(entry.number) ?? [],
  }));
}
