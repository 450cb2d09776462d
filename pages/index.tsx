import type { PageConfig } from "next";
import Link from "next/link";
import { HelpFrame, HelpHead } from "@/components/help/help-page";
import { LinkCards } from "@/components/help/link-list";
import { ScamHelp } from "@/components/help/scam-help";
import { SearchForm } from "@/components/help/search-form";
import { listCategoriesWithArticles } from "@/lib/content/articles";
import { brand } from "@/lib/content/brand";
import { topTasks } from "@/lib/content/top-tasks";

// No framework JavaScript on this page (docs/decisions/009).
export const config: PageConfig = { unstable_runtimeJS: false };

export default function HomePage() {
  const categories = listCategoriesWithArticles();
  return (
    <>
      <HelpHead
        title={brand.helpCenterName}
        absoluteTitle={`${brand.helpCenterName}: codes, sign-in and scams`}
        description={`Get help with sign-in codes, two-step verification, delivery codes, scam calls and fake messages from ${brand.companyName}.`}
        canonical="/"
      />
      <HelpFrame
        headerSearch={false}
        mainClassName="mx-auto max-w-5xl space-y-12 px-4 py-8 focus:outline-none"
      >
        <section aria-labelledby="home-title" className="space-y-4">
          <h1 id="home-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
            How can we help?
          </h1>
          <SearchForm id="home-search" label="Search help articles" size="large" />
          <p className="text-slate-700 dark:text-slate-300">
            {brand.companyName} will never ask you for a code, your password or card details by phone, text or
            email.
          </p>
        </section>

        <ScamHelp />

        <section aria-labelledby="top-tasks">
          <h2 id="top-tasks" className="text-2xl font-bold">
            Top tasks
          </h2>
          <LinkCards items={topTasks} columns={3} className="mt-4" />
        </section>

        <section aria-labelledby="topics">
          <h2 id="topics" className="text-2xl font-bold">
            Browse by topic
          </h2>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {categories.map((category) => (
              <li
                key={category.slug}
                className="rounded-lg border border-slate-300 p-4 dark:border-slate-700"
              >
                <h3 className="font-semibold">
                  <Link
                    prefetch={false}
                    href={`/help/category/${category.slug}`}
                    className="text-brand-ink underline underline-offset-2"
                  >
                    {category.title}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{category.description}</p>
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                  {category.articles.length} {category.articles.length === 1 ? "article" : "articles"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </HelpFrame>
    </>
  );
}
