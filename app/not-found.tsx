import type { Metadata } from "next";
import { connection } from "next/server";
import { LinkCards } from "@/components/help/link-list";
import { SearchForm } from "@/components/help/search-form";
import { BrandStyle } from "@/components/help/brand-style";
import { SiteFooter } from "@/components/help/site-footer";
import { SiteHeader, SkipLink } from "@/components/help/site-header";
import { brand } from "@/lib/content/brand";
import { topTasks } from "@/lib/content/top-tasks";

export const metadata: Metadata = {
  title: { absolute: `Page not found · ${brand.helpCenterName}` },
  robots: { index: false },
};

// Every unknown address lands here (with an App Router in the project, Next uses this page rather
// than pages/404). Rendered per request so Next puts the request's nonce on its scripts: the help
// pages' policy allows that nonce and same-origin files, never 'unsafe-inline' (decision 009).
export default async function NotFound() {
  await connection();
  return (
    <>
      <BrandStyle />
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
          <SearchForm id="not-found-search" label="Search help articles" size="large" suggest={false} />
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
