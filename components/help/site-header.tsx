import Link from "next/link";
import { brand } from "@/lib/content/brand";
import { categories } from "@/lib/content/categories";
import { BrandLogo } from "./brand-logo";
import { SearchForm } from "./search-form";

export const categoryTitles: Record<string, string> = Object.fromEntries(
  categories.map((category) => [category.slug, category.title]),
);

const navLinks = [
  { href: "/help/troubleshooter", label: "Code troubleshooter" },
  { href: "/help/check-a-message", label: "Check a message" },
  { href: "/report", label: "Report a scam" },
];

export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-brand px-4 py-2 font-semibold text-on-brand focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
    >
      Skip to main content
    </a>
  );
}

export function SiteHeader({ withSearch = true }: { withSearch?: boolean }) {
  return (
    <header className="border-t-4 border-b border-t-accent border-b-slate-300 bg-slate-50 dark:border-b-slate-700 dark:bg-slate-900">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link
          prefetch={false}
          href="/"
          className="flex items-center gap-2 text-lg font-bold text-slate-900 no-underline dark:text-slate-100"
        >
          <BrandLogo />
          {brand.helpCenterName}
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {navLinks.map((link) => (
              <li key={link.href}>
                <Link
                  prefetch={false}
                  href={link.href}
                  className="font-medium text-brand-ink underline-offset-2 hover:underline"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {withSearch ? (
          <div className="w-full sm:w-72">
            <SearchForm id="header-search" label="Search help articles" />
          </div>
        ) : null}
      </div>
    </header>
  );
}
