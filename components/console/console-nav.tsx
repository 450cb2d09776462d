"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type ConsoleNavLink = {
  href: string;
  label: string;
  /** Work waiting behind the link; shown as a badge when above zero. */
  count?: number;
  /** What the count means, for screen readers and the hover title ("3 waiting for your approval"). */
  countLabel?: string;
  /** The count is a problem to fix (failing deliveries), not work in a queue: drawn in red. */
  alert?: boolean;
};

/** Console navigation: one row that scrolls sideways when it must, never wrapping the header. */
export function ConsoleNav({ links }: { links: ConsoleNavLink[] }) {
  // Typed as nullable once a pages/ directory exists (decision 009); the console is App Router only.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Console" className="-mx-1 overflow-x-auto">
      <ul className="flex flex-nowrap gap-1 px-1">
        {links.map((link) => {
          const current = link.href === "/console" ? pathname === "/console" : pathname.startsWith(link.href);
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800",
                  current && "bg-slate-100 text-blue-800 dark:bg-slate-800 dark:text-blue-300",
                )}
              >
                {link.label}
                {link.count ? (
                  <span
                    className={cn(
                      "rounded-full px-1.5 text-xs font-semibold text-white dark:text-slate-950",
                      link.alert ? "bg-red-700 dark:bg-red-300" : "bg-blue-700 dark:bg-blue-300",
                    )}
                    data-testid={`nav-count-${link.href.split("/").pop()}`}
                    title={link.countLabel}
                  >
                    <span aria-hidden="true">{link.count}</span>
                    <span className="sr-only">({link.countLabel ?? link.count})</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
