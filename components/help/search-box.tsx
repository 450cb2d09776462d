"use client";
// The search island: an ARIA 1.2 combobox over the prebuilt index. Without JavaScript it is a plain
// GET form to /search. Enter on a suggestion opens the article; Enter otherwise opens /search?q=.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { HighlightSegment, SearchHit } from "@/lib/content/search";
import { Highlighted } from "./highlighted";
import { loadSearchEngine, type SearchEngine } from "./search-engine";

// Plain joining on purpose: tailwind-merge (behind components/ui/cn) would add ~9 KB to every page.
const cn = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

type Option = { id: string; href: string; hit?: SearchHit };

export function SearchBox({
  label,
  categoryTitles,
  size = "compact",
}: {
  /** Accessible name of the search landmark and the field. */
  label: string;
  categoryTitles: Record<string, string>;
  size?: "compact" | "large";
}) {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [engine, setEngine] = useState<SearchEngine>();
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const ensureEngine = () => {
    if (engine) return;
    loadSearchEngine().then(setEngine, () => setFailed(true));
  };

  const trimmed = query.trim();
  const hits = engine && trimmed ? engine.search(trimmed, 6) : [];
  const options: Option[] = hits.map((hit, index) => ({
    id: `${id}-opt-${index}`,
    href: `/help/${hit.slug}`,
    hit,
  }));
  if (trimmed) options.push({ id: `${id}-opt-all`, href: `/search?q=${encodeURIComponent(trimmed)}` });
  const expanded = open && trimmed.length > 0 && Boolean(engine);
  const activeOption = expanded ? options[active] : undefined;

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    router.push(href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!trimmed) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => {
        const next = current + step;
        if (next < -1) return options.length - 1;
        if (next >= options.length) return -1;
        return next;
      });
    } else if (event.key === "Enter" && activeOption) {
      event.preventDefault();
      go(activeOption.href);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        event.preventDefault();
        setQuery("");
      }
    }
  };

  const highlight = (text: string, hit: SearchHit): HighlightSegment[] =>
    engine ? engine.highlight(text, hit.terms) : [{ text, match: false }];

  const large = size === "large";
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={label}
      className="relative w-full"
      onSubmit={(event) => {
        event.preventDefault();
        go(trimmed ? `/search?q=${encodeURIComponent(trimmed)}` : "/search");
      }}
    >
      <label htmlFor={`${id}-input`} className={large ? "mb-2 block text-lg font-semibold" : "sr-only"}>
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          id={`${id}-input`}
          name="q"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeOption?.id}
          autoComplete="off"
          enterKeyHint="search"
          placeholder={large ? "For example: someone called asking for my code" : "Search help"}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(-1);
            ensureEngine();
          }}
          onFocus={() => {
            ensureEngine();
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={cn(
            "min-w-0 flex-1 rounded-md border border-slate-400 bg-white text-slate-900 placeholder:text-slate-600",
            "dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400",
            large ? "px-4 py-3 text-lg" : "px-3 py-2 text-base",
          )}
        />
        <button
          type="submit"
          className={cn(
            "rounded-md bg-blue-700 font-semibold text-white hover:bg-blue-800 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200",
            large ? "px-5 text-lg" : "px-3 text-sm",
          )}
        >
          Search
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested articles"
        hidden={!expanded}
        className="absolute right-0 left-0 z-20 mt-1 max-h-[70vh] overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={option.id}
            role="option"
            aria-selected={index === active}
            // mousedown would blur the input first and close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(option.href)}
            className={cn(
              "cursor-pointer px-3 py-2 text-left",
              index === active
                ? "bg-blue-100 dark:bg-slate-700"
                : "hover:bg-slate-100 dark:hover:bg-slate-800",
            )}
          >
            {option.hit ? (
              <>
                <span className="block font-medium">
                  <Highlighted segments={highlight(option.hit.title, option.hit)} />
                </span>
                <span className="block text-sm text-slate-700 dark:text-slate-300">
                  {categoryTitles[option.hit.category] ?? option.hit.category}
                </span>
              </>
            ) : (
              <span className="block font-medium text-blue-800 dark:text-blue-200">
                {hits.length
                  ? `See all results for “${trimmed}”`
                  : `No quick matches. Search for “${trimmed}”`}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {failed
          ? "Search is not available right now. Press Enter to open the search page."
          : expanded
            ? `${hits.length} ${hits.length === 1 ? "article" : "articles"} found. Use the up and down arrows to choose.`
            : ""}
      </p>
    </form>
  );
}
