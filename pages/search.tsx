// /search?q=… rendered on the server for every request: a shared link shows its results at once,
// with or without JavaScript. No framework JavaScript (docs/decisions/009); the help center's
// script only adds arrow-key movement between results.
import type { GetServerSideProps, PageConfig } from "next";
import Link from "next/link";
import { AllArticles } from "@/components/help/all-articles";
import { HelpFrame, HelpHead } from "@/components/help/help-page";
import { Highlighted } from "@/components/help/highlighted";
import { LinkCards } from "@/components/help/link-list";
import { categoryTitles } from "@/components/help/site-header";
import { highlightTerms, searchArticles, type HighlightSegment } from "@/lib/content/search";
import { serverSearchIndex } from "@/lib/content/search-index";
import { topTasks } from "@/lib/content/top-tasks";

export const config: PageConfig = { unstable_runtimeJS: false };

/** Longer queries are cut here: no reader types more, and the index need not chew on floods. */
const MAX_QUERY_LENGTH = 200;

type Result = {
  slug: string;
  category: string;
  title: HighlightSegment[];
  summary: HighlightSegment[];
};

type Props = { query: string; results: Result[] };

export const getServerSideProps: GetServerSideProps<Props> = ({ query, res }) => {
  const raw = Array.isArray(query.q) ? query.q[0] : query.q;
  const text = (raw ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  const results = searchArticles(serverSearchIndex(), text).map((hit) => ({
    slug: hit.slug,
    category: hit.category,
    title: highlightTerms(hit.title, hit.terms),
    summary: highlightTerms(hit.summary, hit.terms),
  }));
  // Results depend only on the query and the build: shared caches may keep them for a while.
  res.setHeader("Cache-Control", "public, max-age=300");
  return Promise.resolve({ props: { query: text, results } });
};

export default function SearchPage({ query, results }: Props) {
  const title = query ? `Search results for “${query}”` : "Search help articles";
  return (
    <>
      <HelpHead
        title={title}
        description="Search every help article about codes, sign-in, two-step verification and scams."
        // Every query's page names /search as canonical, so engines index the one page, not each query.
        canonical="/search"
      />
      <HelpFrame
        headerSearch={false}
        mainClassName="mx-auto max-w-5xl space-y-10 px-4 py-8 focus:outline-none"
      >
        <div
          className="max-w-3xl"
          data-search-results=""
          data-query={query}
          data-result-count={results.length}
        >
          <h1 className="mb-6 text-3xl font-bold tracking-tight">Search help articles</h1>
          <form role="search" aria-label="Search the help center" action="/search" method="get">
            <label htmlFor="search-q" className="mb-2 block text-lg font-semibold">
              What do you need help with?
            </label>
            <div className="flex gap-2">
              <input
                id="search-q"
                name="q"
                type="search"
                defaultValue={query}
                maxLength={MAX_QUERY_LENGTH}
                autoComplete="off"
                enterKeyHint="search"
                aria-describedby="search-count"
                className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-4 py-3 text-lg text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
              />
              <button
                type="submit"
                className="rounded-md bg-brand px-5 text-lg font-semibold text-on-brand hover:bg-brand-strong"
              >
                Search
              </button>
            </div>
          </form>

          <p id="search-count" role="status" className="mt-4 text-slate-700 dark:text-slate-300">
            {!query
              ? ""
              : results.length
                ? `${results.length === 1 ? "The best match" : `The ${results.length} best matches`} for “${query}”.`
                : `No articles match “${query}”.`}
          </p>

          {results.length ? (
            <ol className="mt-4 space-y-3" aria-label="Search results">
              {results.map((result) => (
                <li key={result.slug}>
                  <Link
                    prefetch={false}
                    href={`/help/${result.slug}`}
                    data-result=""
                    className="block rounded-lg border border-slate-300 p-4 hover:border-brand hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
                  >
                    <span className="block text-lg font-semibold text-brand-ink underline-offset-2">
                      <Highlighted segments={result.title} />
                    </span>
                    <span className="mt-1 block text-slate-700 dark:text-slate-300">
                      <Highlighted segments={result.summary} />
                    </span>
                    <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">
                      {categoryTitles[result.category] ?? result.category}
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          ) : null}

          {query && results.length === 0 ? (
            <section aria-labelledby="search-none" className="mt-4">
              <h2 id="search-none" className="text-lg font-semibold">
                Try one of these instead
              </h2>
              <ul className="mt-2 space-y-2">
                {topTasks.map((task) => (
                  <li key={task.href}>
                    <Link
                      prefetch={false}
                      href={task.href}
                      className="font-medium text-brand-ink underline underline-offset-2"
                    >
                      {task.title}
                    </Link>
                    <span className="text-slate-700 dark:text-slate-300"> — {task.description}</span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-slate-700 dark:text-slate-300">
                Or try fewer or simpler words, like “code” or “scam call”.
              </p>
            </section>
          ) : null}
        </div>
        <section aria-labelledby="search-top-tasks">
          <h2 id="search-top-tasks" className="text-2xl font-bold">
            Top tasks
          </h2>
          <LinkCards items={topTasks} columns={3} className="mt-4" />
        </section>
        <section aria-labelledby="search-all">
          <h2 id="search-all" className="mb-4 text-2xl font-bold">
            All articles
          </h2>
          <AllArticles headingLevel={3} />
        </section>
      </HelpFrame>
    </>
  );
}
