// Article feedback in PostgreSQL (table article_feedback). Staff read it in the console later.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { ArticleFeedback } from "./schemas";

export async function recordArticleFeedback(feedback: ArticleFeedback): Promise<{ id: string }> {
  return getDb().articleFeedback.create({
    data: { articleSlug: feedback.articleSlug, helpful: feedback.helpful, comment: feedback.comment },
    select: { id: true },
  });
}

export type ArticleFeedbackRow = {
  id: string;
  articleSlug: string;
  helpful: boolean;
  comment: string | null;
  createdAt: Date;
};

export async function listArticleFeedback(articleSlug: string, take = 50): Promise<ArticleFeedbackRow[]> {
  return getDb().articleFeedback.findMany({
    where: { articleSlug },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, articleSlug: true, helpful: true, comment: true, createdAt: true },
  });
}

/** Yes / no counts per article, most voted first. */
export async function summarizeArticleFeedback(): Promise<
  { articleSlug: string; yes: number; no: number }[]
> {
  const groups = await getDb().articleFeedback.groupBy({
    by: ["articleSlug", "helpful"],
    _count: { _all: true },
  });
  const totals = new Map<string, { articleSlug: string; yes: number; no: number }>();
  for (const group of groups) {
    const entry = totals.get(group.articleSlug) ?? { articleSlug: group.articleSlug, yes: 0, no: 0 };
    if (group.helpful) entry.yes += group._count._all;
    else entry.no += group._count._all;
    totals.set(group.articleSlug, entry);
  }
  return [...totals.values()].toSorted((a, b) => b.yes + b.no - (a.yes + a.no));
}
