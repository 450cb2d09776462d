"use client";
// The /search page's island: reads ?q= in the browser (the page itself is static), searches the
// prebuilt index as the reader types, and keeps the address shareable with replaceState.
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { TopTask } from "@/lib/content/top-tasks";
import { Highlighted } from "./highlighted";
import { loadSearchEngine, type SearchEngine } from "./search-engine";

export function SearchResults({
  categoryTitles,
  topTasks,
}: {
  categoryTitles: Record<string, string>;
  topTasks: TopTask[];
}) {
  const params = useSearchParams();
  const id = useId();
  const [query, setQuery] = useState(() => params.get("q") ?? "");
  const [engine, setEngine] = useState<SearchEngine>();
  const [failed, setFailed] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    loadSearchEngine().then(setEngine, () => setFailed(true));
  }, []);

  const trimmed = query.trim();
  const hits = engine && trimmed ? engine.search(trimmed, 20) : [];

  const update = (value: string) => {
    setQuery(value);
    const url = value.trim() ? `/search?q=${encodeURIComponent(value.trim())}` : "/search";
    window.history.replaceState(window.history.state, "", url);
  };

  // Arrow keys move between result links; Tab works as usual.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? []);
    if (!links.length) return;
    event.preventDefault();
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next =
      event.key === "ArrowDown" ? Math.min(links.length - 1, current + 1) : current <= 0 ? -1 : current - 1;
    if (next === -1) document.getElementById(`${id}-q`)?.focus();
    else links[next]?.focus();
  };

  return (
    <div onKeyDown={onKeyDown}>
      <form
        role="search"
        aria-label="Search the help center"
        action="/search"
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          listRef.current?.querySelector<HTMLAnchorElement>("a[data-result]")?.focus();
        }}
      >
        <label htmlFor={`${id}-q`} className="mb-2 block text-lg font-semibold">
          What do you need help with?
        </label>
        <div className="flex gap-2">
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            value={query}
            onChange={(event) => update(event.target.value)}
            autoComplete="off"
            enterKeyHint="search"
            aria-describedby={`${id}-count`}
            className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-4 py-3 text-lg text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
          />
          <button
            type="submit"
            className="rounded-md bg-blue-700 px-5 text-lg font-semibold text-white hover:bg-blue-800 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200"
          >
            Search
          </button>
        </div>
      </form>

      <p id={`${id}-count`} role="status" className="mt-4 text-slate-700 dark:text-slate-300">
        {failed
          ? "Search is not available right now. Browse the articles below."
          : !trimmed
            ? ""
            : !engine
              ? "Searching…"
              : hits.length
                ? `${hits.length} ${hits.length === 1 ? "article matches" : "articles match"} “${trimmed}”.`
                : `No articles match “${trimmed}”.`}
      </p>

      {hits.length > 0 && engine ? (
        <ol ref={listRef} className="mt-4 space-y-3" aria-label="Search results">
          {hits.map((hit) => (
            <li key={hit.slug}>
              <Link
                prefetch={false}
                href={`/help/${hit.slug}`}
                data-result
                className="block rounded-lg border border-slate-300 p-4 hover:border-blue-700 hover:bg-slate-50 dark:border-slate-700 dark:hover:border-blue-300 dark:hover:bg-slate-900"
              >
                <span className="block text-lg font-semibold text-blue-800 underline-offset-2 dark:text-blue-200">
                  <Highlighted segments={engine.highlight(hit.title, hit.terms)} />
                </span>
                <span className="mt-1 block text-slate-700 dark:text-slate-300">
                  <Highlighted segments={engine.highlight(hit.summary, hit.terms)} />
                </span>
                <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">
                  {categoryTitles[hit.category] ?? hit.category}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      ) : null}

      {trimmed && engine && hits.length === 0 ? (
        <section aria-labelledby={`${id}-none`} className="mt-4">
          <h2 id={`${id}-none`} className="text-lg font-semibold">
            Try one of these instead
          </h2>
          <ul className="mt-2 space-y-2">
            {topTasks.map((task) => (
              <li key={task.href}>
                <Link
                  prefetch={false}
                  href={task.href}
                  className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
                >
                  {task.title}
                </Link>
                <span className="text-slate-700 dark:text-slate-300"> — {task.description}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-slate-700 dark:text-slate-300">
            Or try fewer or simpler words, like “code” or “scam call”.
          </p>
        </section>
      ) : null}
    </div>
  );
}
