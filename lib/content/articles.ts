// Articles as the pages use them, read from contentlayer's build output (.contentlayer/generated,
// produced by `npm run content:build` before anything imports this module).
import { allArticles, type Article as GeneratedArticle } from "contentlayer/generated";
import { brand } from "./brand";
import { categories, type Category } from "./categories";
import { extractHeadings, type Heading } from "./headings";
import { mdxToPlainText } from "./plain-text";

export type Article = GeneratedArticle;

/** What a list, a link card or the search index needs: no MDX code. */
export type ArticleSummary = {
  slug: string;
  title: string;
  summary: string;
  category: string;
  updated: string;
  tags: string[];
};

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, "en");

const articles: Article[] = allArticles.toSorted(byTitle);
const bySlug = new Map(articles.map((article) => [article.slug, article]));

export function listArticles(): Article[] {
  return articles;
}

export function findArticle(slug: string): Article | undefined {
  return bySlug.get(slug);
}

export function articleExists(slug: string): boolean {
  return bySlug.has(slug);
}

export function articlePath(slug: string): string {
  return `/help/${slug}`;
}

export function summarizeArticle(article: Article): ArticleSummary {
  return {
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    category: article.category,
    updated: article.updated,
    tags: article.tags,
  };
}

export function listArticlesInCategory(categorySlug: string): ArticleSummary[] {
  return articles.filter((article) => article.category === categorySlug).map(summarizeArticle);
}

/** Categories in order, each with its articles; empty categories are left out. */
export function listCategoriesWithArticles(): (Category & { articles: ArticleSummary[] })[] {
  return categories
    .map((category) => ({ ...category, articles: listArticlesInCategory(category.slug) }))
    .filter((category) => category.articles.length > 0);
}

export function listRelatedArticles(article: Article): ArticleSummary[] {
  return article.related.flatMap((slug) => {
    const related = bySlug.get(slug);
    return related && related.slug !== article.slug ? [summarizeArticle(related)] : [];
  });
}

export function articleHeadings(article: Article): Heading[] {
  return extractHeadings(article.body.raw);
}

export function articlePlainText(article: Article): string {
  return mdxToPlainText(article.body.raw, brand);
}

/** How long an article may go without a review before the content team is told it is stale. */
export const REVIEW_INTERVAL_DAYS = 180;

/** The day an article should be reviewed by: its last update plus the review interval. */
export function articleReviewBy(article: Pick<Article, "updated">): Date {
  return new Date(new Date(article.updated).getTime() + REVIEW_INTERVAL_DAYS * 86_400_000);
}

export function isArticleStale(article: Pick<Article, "updated">, now = new Date()): boolean {
  return articleReviewBy(article).getTime() < now.getTime();
}
