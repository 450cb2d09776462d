// The search quality gate: customer phrasings (search-corpus.ts) against the real index. Prints
// precision@3 (the expected article among the first three results) and how many matches a search
// shows, so a change to ranking or content shows its effect in CI's log.
import { describe, expect, it } from "vitest";
import { findArticle } from "./articles";
import { SEARCH_CORPUS } from "./search-corpus";
import { RELEVANCE_CUT_OFF, searchArticles } from "./search";
import { buildSearchDocuments } from "./search-index";
import { createSearchIndex } from "./search";

const index = createSearchIndex(buildSearchDocuments());

/** Floors that the figures must not fall below; raise them when search gets better. */
const MIN_PRECISION_AT_3 = 0.9;
const MAX_MEAN_SHOWN = 5;

describe("search corpus", () => {
  it("has at least 40 phrasings, each expecting articles that exist", () => {
    expect(SEARCH_CORPUS.length).toBeGreaterThanOrEqual(40);
    for (const entry of SEARCH_CORPUS)
      for (const slug of entry.expected) expect(findArticle(slug), `${entry.query} → ${slug}`).toBeDefined();
  });

  it("finds the right article in the top three, showing only a few matches", () => {
    const misses: string[] = [];
    let hitsAt1 = 0;
    let hitsAt3 = 0;
    const shown: number[] = [];
    for (const { query, expected } of SEARCH_CORPUS) {
      const results = searchArticles(index, query).map((hit) => hit.slug);
      shown.push(results.length);
      if (expected.includes(results[0] ?? "")) hitsAt1++;
      if (results.slice(0, 3).some((slug) => expected.includes(slug))) hitsAt3++;
      else misses.push(`  "${query}" → ${results.slice(0, 3).join(", ") || "(nothing)"} (wanted ${expected.join(" or ")})`);
    }
    const total = SEARCH_CORPUS.length;
    const mean = shown.reduce((sum, count) => sum + count, 0) / total;
    const sorted = shown.toSorted((a, b) => a - b);
    const figures = [
      `search corpus: ${total} phrasings, cut-off ${RELEVANCE_CUT_OFF.minShare} of the best score, at most ${RELEVANCE_CUT_OFF.max}`,
      `  precision@1 ${(hitsAt1 / total).toFixed(3)}  precision@3 ${(hitsAt3 / total).toFixed(3)}`,
      `  matches shown: mean ${mean.toFixed(2)}, median ${sorted[Math.floor(total / 2)]}, max ${sorted.at(-1)}`,
      ...(misses.length ? ["  missed in the top three:", ...misses] : []),
    ];
    // Printed on purpose: CI's log carries the figures.
    console.info(figures.join("\n"));
    expect(hitsAt3 / total).toBeGreaterThanOrEqual(MIN_PRECISION_AT_3);
    expect(mean).toBeLessThanOrEqual(MAX_MEAN_SHOWN);
  });

  it("never shows an empty query or a flood of text more than the cap", () => {
    expect(searchArticles(index, "   ")).toEqual([]);
    expect(searchArticles(index, "code ".repeat(400)).length).toBeLessThanOrEqual(RELEVANCE_CUT_OFF.max);
    expect(searchArticles(index, "<script>alert(1)</script>").length).toBeLessThanOrEqual(RELEVANCE_CUT_OFF.max);
  });
});
