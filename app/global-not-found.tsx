// The help center's "page not found", for every address no route matches. It is a global-not-found
// page (next.config.mjs: experimental.globalNotFound) rather than app/not-found.tsx because Next
// renders the root not-found into every response as the root layout's fallback, whether a page is
// missing or not: this page, with its header, search, top tasks and footer, took ~3 ms of CPU and
// ~12 kB of every console page (docs/performance/console-speed.md). A global one is rendered only
// when no route matches, so it brings its own <html>, <body> and styles.
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { LinkCards } from "@/components/help/link-list";
import { SearchForm } from "@/components/help/search-form";
import { BrandStyle } from "@/components/help/brand-style";
import { SiteFooter } from "@/components/help/site-footer";
import { SiteHeader, SkipLink } from "@/components/help/site-header";
import { brand } from "@/lib/content/brand";
import { topTasks } from "@/lib/content/top-tasks";
import { viewport as rootViewport } from "./layout";

export const metadata: Metadata = {
  title: { absolute: `Page not found · ${brand.helpCenterName}` },
  robots: { index: false },
};

// The root layout does not wrap this page: the phone-width viewport is repeated from it.
export const viewport: Viewport = rootViewport;

// Rendered per request so Next puts the request's nonce on its scripts: the help pages' policy
// allows that nonce and same-origin files, never 'unsafe-inline' (decision 009).
export default async function GlobalNotFound() {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
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
      </body>
    </html>
  );
}
