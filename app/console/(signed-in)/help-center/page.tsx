// The content team's view of the help center: how each article is rated, comments to deal with,
// searches that found nothing or led nowhere, and which articles are due for review.
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { articlePath, articleReviewBy, isArticleStale, listArticles } from "@/lib/content/articles";
import {
  listFeedbackComments,
  summarizeFeedbackByArticle,
  summarizeSearchMisses,
} from "@/lib/feedback/insight";
import { ActionForm } from "@/components/console/action-form";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { markFeedbackHandledAction } from "./actions";

export const metadata: Metadata = { title: "Help center" };

const percent = (yes: number, no: number) => (yes + no ? `${Math.round((100 * yes) / (yes + no))}%` : "–");
const cell = "border-b border-slate-200 px-3 py-2 text-left dark:border-slate-800";

export default async function HelpCenterInsightPage() {
  const staff = await requireStaff("content:manage");
  const now = new Date();
  const [stats, openComments, handledComments, misses] = await Promise.all([
    summarizeFeedbackByArticle(now),
    listFeedbackComments(false),
    listFeedbackComments(true, 10),
    summarizeSearchMisses(30, now),
  ]);
  const byArticle = new Map(stats.map((row) => [row.articleSlug, row]));
  const articles = listArticles()
    .map((article) => ({ article, stats: byArticle.get(article.slug), reviewBy: articleReviewBy(article) }))
    .toSorted(
      (a, b) =>
        (b.stats?.openComments ?? 0) - (a.stats?.openComments ?? 0) ||
        a.reviewBy.getTime() - b.reviewBy.getTime(),
    );
  const titles = new Map(listArticles().map((article) => [article.slug, article.title]));
  const stale = articles.filter(({ article }) => isArticleStale(article, now)).length;

  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">Help center</h1>
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          Article ratings and comments, searches that found nothing, and review dates.{" "}
          {stale
            ? `${stale} ${stale === 1 ? "article is" : "articles are"} past their review date.`
            : "No article is past its review date."}
        </p>
      </div>

      <section aria-labelledby="articles-title">
        <h2 id="articles-title" className="text-xl font-semibold">
          Articles
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm" data-testid="article-insight">
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  Article
                </th>
                <th scope="col" className={cell}>
                  Helpful (all time)
                </th>
                <th scope="col" className={cell}>
                  Helpful (30 days)
                </th>
                <th scope="col" className={cell}>
                  Open comments
                </th>
                <th scope="col" className={cell}>
                  Review by
                </th>
              </tr>
            </thead>
            <tbody>
              {articles.map(({ article, stats: row, reviewBy }) => (
                <tr key={article.slug} data-article={article.slug}>
                  <th scope="row" className={`${cell} font-medium`}>
                    <Link
                      href={articlePath(article.slug)}
                      className="text-blue-700 underline dark:text-blue-300"
                    >
                      {article.title}
                    </Link>
                  </th>
                  <td className={cell}>
                    {percent(row?.yes ?? 0, row?.no ?? 0)}{" "}
                    <span className="text-slate-600 dark:text-slate-400">
                      ({row?.yes ?? 0} yes, {row?.no ?? 0} no)
                    </span>
                  </td>
                  <td className={cell}>
                    {percent(row?.recentYes ?? 0, row?.recentNo ?? 0)}{" "}
                    <span className="text-slate-600 dark:text-slate-400">
                      ({(row?.recentYes ?? 0) + (row?.recentNo ?? 0)} votes)
                    </span>
                  </td>
                  <td className={cell}>{row?.openComments ?? 0}</td>
                  <td className={cell}>
                    {reviewBy.toISOString().slice(0, 10)}{" "}
                    {isArticleStale(article, now) ? <Badge tone="red">stale</Badge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title" className="text-xl font-semibold">
          Comments to deal with ({openComments.length})
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Readers’ words, shown as text. Mark a comment handled once the article is fixed or nothing needs
          doing.
        </p>
        {openComments.length === 0 ? (
          <p className="mt-3 text-slate-600 dark:text-slate-400">No open comments.</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="open-comments">
            {openComments.map((comment) => (
              <li
                key={comment.id}
                className="rounded-md border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={comment.helpful ? "green" : "amber"}>
                    {comment.helpful ? "helpful" : "not helpful"}
                  </Badge>
                  <span className="font-medium">
                    {titles.get(comment.articleSlug) ?? comment.articleSlug}
                  </span>
                  <span className="text-slate-600 dark:text-slate-400">
                    · <Time date={comment.createdAt} timeZone={staff.timeZone} />
                  </span>
                </div>
                <p className="mt-2 whitespace-pre-wrap">{comment.comment}</p>
                <ActionForm
                  action={markFeedbackHandledAction}
                  submitLabel="Mark handled"
                  variant="secondary"
                  className="mt-2"
                >
                  <input type="hidden" name="feedbackId" value={comment.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        {handledComments.length ? (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">
              Recently handled ({handledComments.length})
            </summary>
            <ul className="mt-2 space-y-2 text-sm">
              {handledComments.map((comment) => (
                <li key={comment.id}>
                  <span className="font-medium">
                    {titles.get(comment.articleSlug) ?? comment.articleSlug}:
                  </span>{" "}
                  {comment.comment}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="searches-title">
        <h2 id="searches-title" className="text-xl font-semibold">
          Searches that found nothing or led nowhere (30 days)
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Counted per day in the reader’s browser, only when it does not send Global Privacy Control or Do Not
          Track. No address or identifier is kept; numbers and email addresses are masked.
        </p>
        {misses.length === 0 ? (
          <p className="mt-3 text-slate-600 dark:text-slate-400">Nothing recorded yet.</p>
        ) : (
          <table className="mt-3 w-full text-sm" data-testid="search-misses">
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  Search
                </th>
                <th scope="col" className={cell}>
                  What happened
                </th>
                <th scope="col" className={cell}>
                  Times
                </th>
                <th scope="col" className={cell}>
                  Days
                </th>
                <th scope="col" className={cell}>
                  Last
                </th>
              </tr>
            </thead>
            <tbody>
              {misses.map((miss) => (
                <tr key={`${miss.query}:${miss.outcome}`}>
                  <td className={`${cell} font-mono`}>{miss.query}</td>
                  <td className={cell}>
                    {miss.outcome === "no-results" ? "No results" : "No result opened"}
                  </td>
                  <td className={cell}>{miss.count}</td>
                  <td className={cell}>{miss.days}</td>
                  <td className={cell}>{miss.lastDay}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
