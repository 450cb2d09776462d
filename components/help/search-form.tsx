// The help center's search field: a plain GET form to /search, rendered on the server. With
// JavaScript, components/help/browser/search-suggest.ts turns the field into a combobox that
// suggests articles as the reader types; without it, Enter opens the server-rendered results.
import { categories } from "@/lib/content/categories";

/** Category slug → title, for the suggestions' second line. */
const categoryTitles: Record<string, string> = Object.fromEntries(
  categories.map((category) => [category.slug, category.title]),
);

const cn = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

export function SearchForm({
  id,
  label,
  size = "compact",
  defaultValue,
  suggest = true,
}: {
  /** Unique per page: the field's id, and the prefix of the suggestion list's ids. */
  id: string;
  /** Accessible name of the search landmark and the field. */
  label: string;
  size?: "compact" | "large";
  defaultValue?: string;
  /** Whether the browser script may add suggestions (off on /search, which shows results itself). */
  suggest?: boolean;
}) {
  const large = size === "large";
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={label}
      className="relative w-full"
      {...(suggest ? { "data-search-suggest": JSON.stringify(categoryTitles) } : {})}
    >
      <label htmlFor={id} className={large ? "mb-2 block text-lg font-semibold" : "sr-only"}>
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name="q"
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          defaultValue={defaultValue}
          // Short enough not to be cut off in the field at 390 px (the label says the rest).
          placeholder={large ? "e.g. code not working" : "Search help"}
          className={cn(
            "min-w-0 flex-1 rounded-md border border-slate-400 bg-white text-slate-900 placeholder:text-slate-600",
            "dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400",
            large ? "px-4 py-3 text-lg" : "px-3 py-2 text-base",
          )}
        />
        <button
          type="submit"
          className={cn(
            "rounded-md bg-brand px-3 font-semibold text-on-brand hover:bg-brand-strong",
            large ? "px-5 text-lg" : "text-sm",
          )}
        >
          Search
        </button>
      </div>
    </form>
  );
}
