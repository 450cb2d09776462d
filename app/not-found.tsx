import type { Metadata } from "next";
import { LinkCards } from "@/components/help/link-list";
import { SearchBox } from "@/components/help/search-box";
import { SiteFooter } from "@/components/help/site-footer";
import { categoryTitles, SiteHeader, SkipLink } from "@/components/help/site-header";
import { topTasks } from "@/lib/content/top-tasks";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <>
      <SkipLink />
      <SiteHeader withSearch={false} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl space-y-10 px-4 py-8 focus:outline-none">
        <section aria-labelledby="not-found-title" className="max-w-3xl space-y-4">
          <h1 id="not-found-title" className="text-3xl font-bold tracking-tight">
            We can’t find that page
          </h1>
          <p className="text-lg text-slate-700 dark:text-slate-300">
            The link may be old or mistyped. Search for what you need, or pick a common task below.
          </p>
          <SearchBox label="Search help articles" categoryTitles={categoryTitles} size="large" />
        </section>
        <section aria-labelledby="not-found-tasks">
          <h2 id="not-found-tasks" className="text-2xl font-bold">
            Top tasks
          </h2>
          <LinkCards items={topTasks} columns={3} className="mt-4" />
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
