// Builds the search index from the articles at build time (served by app/search-index.json/route.ts).
import { articleHeadings, articlePlainText, listArticles } from "./articles";
import { createSearchIndex, type SearchDocument } from "./search";

export function buildSearchDocuments(): SearchDocument[] {
  return listArticles().map((article) => ({
    id: article.slug,
    title: article.title,
    summary: article.summary,
    headings: articleHeadings(article)
      .map((heading) => heading.text)
      .join("\n"),
    body: articlePlainText(article),
    tags: article.tags.join(", "),
    category: article.category,
  }));
}

export function buildSearchIndexJson(): string {
  return JSON.stringify(createSearchIndex(buildSearchDocuments()));
}

let serverIndex: ReturnType<typeof createSearchIndex> | undefined;

/** The same index, built once per server process, for /search?q= rendered on the server. */
export function serverSearchIndex(): ReturnType<typeof createSearchIndex> {
  serverIndex ??= createSearchIndex(buildSearchDocuments());
  return serverIndex;
}
