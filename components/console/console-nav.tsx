"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function ConsoleNav({ links }: { links: { href: string; label: string }[] }) {
  // Typed as nullable once a pages/ directory exists (decision 009); the console is App Router only.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Console">
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => {
          const current = link.href === "/console" ? pathname === "/console" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "rounded px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800",
                  current && "bg-slate-100 text-blue-800 dark:bg-slate-800 dark:text-blue-300",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
