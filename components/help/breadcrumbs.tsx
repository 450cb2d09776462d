import Link from "next/link";
import type { Crumb } from "@/lib/content/json-ld";

/** The trail to the current page; the last crumb is the page itself. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap gap-x-2 gap-y-1">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={crumb.path} className="flex gap-2">
              {last ? (
                <span aria-current="page" className="text-slate-700 dark:text-slate-300">
                  {crumb.name}
                </span>
              ) : (
                <>
                  <Link
                    prefetch={false}
                    href={crumb.path}
                    className="text-brand-ink underline underline-offset-2"
                  >
                    {crumb.name}
                  </Link>
                  <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">
                    ›
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
