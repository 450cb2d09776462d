"use client";
// Loads the search library and the prebuilt index once per page, on first use, so pages that are
// only read never download either.
import type { HighlightSegment, SearchHit } from "@/lib/content/search";

export type SearchEngine = {
  search: (query: string, limit?: number) => SearchHit[];
  highlight: (text: string, terms: string[]) => HighlightSegment[];
};

let loading: Promise<SearchEngine> | undefined;

export function loadSearchEngine(): Promise<SearchEngine> {
  loading ??= (async () => {
    const [search, response] = await Promise.all([
      import("@/lib/content/search"),
      fetch("/search-index.json"),
    ]);
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    const index = search.loadSearchIndex(await response.text());
    return {
      search: (query: string, limit?: number) => search.searchArticles(index, query, limit),
      highlight: search.highlightTerms,
    };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
