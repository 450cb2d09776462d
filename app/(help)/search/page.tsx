// /search?q=… — static HTML (top tasks and every article by category, which is all a browser
// without JavaScript gets); the results island reads q in the browser.
import type { Metadata } from "next";
import { Suspense } from "react";
import { AllArticles } from "@/components/help/all-articles";
import { LinkCards } from "@/components/help/link-list";
import { SearchResults } from "@/components/help/search-results";
import { categoryTitles, SiteHeader } from "@/components/help/site-header";
import { topTasks } from "@/lib/content/top-tasks";

export const metadata: Metadata = {
  title: "Search help articles",
  description: "Search every help article about codes, sign-in, two-step verification and scams.",
  alternates: { canonical: "/search" },
  openGraph: { url: "/search", title: "Search help articles" },
};

export default function SearchPage() {
  return (
    <>
      <SiteHeader withSearch={false} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl space-y-10 px-4 py-8 focus:outline-none">
        <div className="max-w-3xl">
          <h1 className="mb-6 text-3xl font-bold tracking-tight">Search help articles</h1>
          <Suspense fallback={<NoScriptSearch />}>
            <SearchResults categoryTitles={categoryTitles} topTasks={topTasks} />
          </Suspense>
          <noscript>
            <p className="mt-4 rounded-md border border-slate-300 p-3 dark:border-slate-700">
              Search results need JavaScript. Pick a task or browse every article below.
            </p>
          </noscript>
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
      </main>
    </>
  );
}

/** What the static HTML holds in place of the island: a plain GET form. */
function NoScriptSearch() {
  return (
    <form role="search" aria-label="Search the help center" action="/search" method="get">
      <label htmlFor="search-q" className="mb-2 block text-lg font-semibold">
        What do you need help with?
      </label>
      <div className="flex gap-2">
        <input
          id="search-q"
          name="q"
          type="search"
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-4 py-3 text-lg text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
        <button
          type="submit"
          className="rounded-md bg-blue-700 px-5 text-lg font-semibold text-white dark:bg-blue-300 dark:text-slate-950"
        >
          Search
        </button>
      </div>
    </form>
  );
}
