// What the content team reads in the console (/console/help-center): per-article votes and helpful
// rate, comments to deal with, and searches that found nothing or led nowhere. Feedback rows are
// written by store.ts; search misses are counted here, per day, with nothing about the person.
import "server-only";
import type { StaffContext } from "@/lib/auth/current-staff";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import { getDb } from "@/lib/db/client";
import { fail, succeed, type Result } from "@/lib/result";
import type { SearchMissOutcome } from "./schemas";

const DAY_MS = 86_400_000;

export type ArticleFeedbackStats = {
  articleSlug: string;
  yes: number;
  no: number;
  /** Votes in the last 30 days. */
  recentYes: number;
  recentNo: number;
  openComments: number;
};

/** Votes per article, all time and the last 30 days, and comments not yet handled. */
export async function summarizeFeedbackByArticle(now = new Date()): Promise<ArticleFeedbackStats[]> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const rows = await getDb().$queryRaw<
    { article_slug: string; yes: bigint; no: bigint; recent_yes: bigint; recent_no: bigint; open: bigint }[]
  >`
    SELECT article_slug,
           count(*) FILTER (WHERE helpful) AS yes,
           count(*) FILTER (WHERE NOT helpful) AS no,
           count(*) FILTER (WHERE helpful AND created_at >= ${since}) AS recent_yes,
           count(*) FILTER (WHERE NOT helpful AND created_at >= ${since}) AS recent_no,
           count(*) FILTER (WHERE comment IS NOT NULL AND handled_at IS NULL) AS open
      FROM article_feedback
     GROUP BY article_slug`;
  return rows.map((row) => ({
    articleSlug: row.article_slug,
    yes: Number(row.yes),
    no: Number(row.no),
    recentYes: Number(row.recent_yes),
    recentNo: Number(row.recent_no),
    openComments: Number(row.open),
  }));
}

export type FeedbackComment = {
  id: string;
  articleSlug: string;
  helpful: boolean;
  comment: string;
  createdAt: Date;
  handledAt: Date | null;
};

/** Comments, newest first: the open ones, or the recently handled ones. */
export async function listFeedbackComments(handled: boolean, take = 50): Promise<FeedbackComment[]> {
  const rows = await getDb().articleFeedback.findMany({
    where: { comment: { not: null }, handledAt: handled ? { not: null } : null },
    orderBy: handled ? { handledAt: "desc" } : { createdAt: "desc" },
    take,
    select: { id: true, articleSlug: true, helpful: true, comment: true, createdAt: true, handledAt: true },
  });
  return rows.map((row) => ({ ...row, comment: row.comment ?? "" }));
}

export async function markFeedbackHandled(ctx: StaffContext, input: { feedbackId: string }): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    const updated = await tx.articleFeedback.updateMany({
      where: { id: input.feedbackId, comment: { not: null }, handledAt: null },
      data: { handledAt: new Date(), handledById: ctx.staff.id },
    });
    if (updated.count === 0) return fail("That comment is already handled, or no longer exists.");
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "help.feedback.handled",
      target: { type: "article_feedback", id: input.feedbackId },
      ip: ctx.ip,
    });
    return succeed("Marked as handled.");
  });
}

/** Counts one search miss for today (UTC). One statement, safe when many instances count at once. */
export async function recordSearchMiss(
  input: { query: string; outcome: SearchMissOutcome },
  now = new Date(),
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await getDb().$executeRaw`
    INSERT INTO help_search_misses (day, query, outcome, count)
    VALUES (${day}::date, ${input.query}, ${input.outcome}, 1)
    ON CONFLICT (day, query, outcome) DO UPDATE SET count = help_search_misses.count + 1`;
}

export type SearchMissSummary = {
  query: string;
  outcome: SearchMissOutcome;
  count: number;
  days: number;
  lastDay: string;
};

/** The most frequent misses of the last `days` days. */
export async function summarizeSearchMisses(
  days = 30,
  now = new Date(),
  take = 50,
): Promise<SearchMissSummary[]> {
  const since = new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  const rows = await getDb().$queryRaw<
    { query: string; outcome: string; total: bigint; days: bigint; last_day: Date }[]
  >`
    SELECT query, outcome, sum(count) AS total, count(*) AS days, max(day) AS last_day
      FROM help_search_misses
     WHERE day >= ${since}::date
     GROUP BY query, outcome
     ORDER BY total DESC, query
     LIMIT ${take}`;
  return rows.map((row) => ({
    query: row.query,
    outcome: row.outcome === "no-click" ? "no-click" : "no-results",
    count: Number(row.total),
    days: Number(row.days),
    lastDay: row.last_day.toISOString().slice(0, 10),
  }));
}
