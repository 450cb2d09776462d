import Link from "next/link";
import { brand, telHref } from "@/lib/content/brand";
import { categories } from "@/lib/content/categories";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-300 bg-slate-50 text-sm dark:border-slate-700 dark:bg-slate-900">
      <div className="mx-auto grid max-w-5xl gap-8 px-4 py-8 sm:grid-cols-3">
        <div>
          <h2 className="font-semibold">Contact support</h2>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            Call{" "}
            <a
              href={telHref(brand.supportPhone)}
              className="font-medium whitespace-nowrap text-brand-ink underline"
            >
              {brand.supportPhone}
            </a>
            . We will never ask for a code, your password or card details.
          </p>
        </div>
        <nav aria-label="Topics">
          <h2 className="font-semibold">Topics</h2>
          <ul className="mt-2 space-y-1">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  prefetch={false}
                  href={`/help/category/${category.slug}`}
                  className="text-brand-ink underline-offset-2 hover:underline"
                >
                  {category.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="Tools">
          <h2 className="font-semibold">Tools</h2>
          <ul className="mt-2 space-y-1">
            <li>
              <Link
                prefetch={false}
                href="/help/troubleshooter"
                className="text-brand-ink underline-offset-2 hover:underline"
              >
                Code troubleshooter
              </Link>
            </li>
            <li>
              <Link
                prefetch={false}
                href="/help/check-a-message"
                className="text-brand-ink underline-offset-2 hover:underline"
              >
                Check a message
              </Link>
            </li>
            <li>
              <Link
                prefetch={false}
                href="/report"
                className="text-brand-ink underline-offset-2 hover:underline"
              >
                Report a scam
              </Link>
            </li>
            <li>
              <Link
                prefetch={false}
                href="/search"
                className="text-brand-ink underline-offset-2 hover:underline"
              >
                All articles
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="mx-auto max-w-5xl px-4 pb-8 text-slate-700 dark:text-slate-300">
        {brand.companyName} is a fictional demo brand. Official website: {brand.officialDomains[0]}.
      </p>
    </footer>
  );
}
