import type { Heading } from "@/lib/content/headings";

export function TableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav aria-labelledby="toc-title" className="rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <h2 id="toc-title" className="font-semibold">
        On this page
      </h2>
      <ol className="mt-2 space-y-1 text-sm">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? "pl-4" : undefined}>
            <a href={`#${heading.id}`} className="text-brand-ink underline-offset-2 hover:underline">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
