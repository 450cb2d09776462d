import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type LinkItem = { href: string; title: string; description?: string };

/** Cards of links: top tasks, category articles, related articles. */
export function LinkCards({
  items,
  columns = 2,
  className,
}: {
  items: LinkItem[];
  columns?: 1 | 2 | 3;
  className?: string;
}) {
  return (
    <ul
      className={cn(
        "grid gap-3",
        columns === 2 && "sm:grid-cols-2",
        columns === 3 && "sm:grid-cols-2 lg:grid-cols-3",
        className,
      )}
    >
      {items.map((item) => (
        <li key={item.href}>
          <Link
            prefetch={false}
            href={item.href}
            className="block h-full rounded-lg border border-slate-300 bg-white p-4 hover:border-brand hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-950 dark:hover:bg-slate-900"
          >
            <span className="block font-semibold text-brand-ink">{item.title}</span>
            {item.description ? (
              <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">
                {item.description}
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
