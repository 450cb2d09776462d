// The search field as an ARIA 1.2 combobox (list autocomplete). Without this script the field is a
// plain GET form to /search. Enter on a suggestion opens the article; Enter otherwise submits the
// form. The search library and the prebuilt index load on first focus, once per page.
import type { HighlightSegment, SearchHit } from "@/lib/content/search";
import { h, highlighted } from "./dom";

type Engine = {
  search: (query: string, limit?: number) => SearchHit[];
  highlight: (text: string, terms: string[]) => HighlightSegment[];
};

let loading: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  loading ??= Promise.all([import("@/lib/content/search"), fetch("/search-index.json")])
    .then(async ([search, response]) => {
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      const index = search.loadSearchIndex(await response.text());
      return {
        search: (query: string, limit?: number) => search.searchArticles(index, query, limit),
        highlight: search.highlightTerms,
      };
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

const SUGGESTIONS = 6;
let counter = 0;

export function enhanceSearchSuggest(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  if (!input) return;
  const categoryTitles = JSON.parse(form.dataset.searchSuggest || "{}") as Record<string, string>;
  const id = `suggest-${++counter}`;
  const list = h("ul", {
    id: `${id}-list`,
    role: "listbox",
    "aria-label": "Suggested articles",
    class:
      "absolute right-0 left-0 z-20 mt-1 max-h-[70vh] overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg dark:border-slate-600 dark:bg-slate-900",
  });
  list.hidden = true;
  const status = h("p", { role: "status", class: "sr-only" });
  form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let engine: Engine | undefined;
  let hrefs: string[] = [];
  let active = -1;

  const ensureEngine = () => {
    if (engine) return;
    loadEngine().then(
      (loaded) => {
        engine = loaded;
        render();
      },
      () => {
        status.textContent = "Search is not available right now. Press Enter to open the search page.";
      },
    );
  };

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const go = (href: string) => {
    close();
    window.location.assign(href);
  };

  const setActive = (index: number) => {
    active = index;
    const options = Array.from(list.children) as HTMLElement[];
    options.forEach((option, position) => {
      const selected = position === active;
      option.setAttribute("aria-selected", String(selected));
      option.classList.toggle("bg-brand-soft", selected);
      option.classList.toggle("dark:bg-slate-700", selected);
    });
    const current = options[active];
    if (current) {
      input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };

  function render() {
    const query = input!.value.trim();
    if (!engine || !query || document.activeElement !== input) {
      close();
      return;
    }
    const hits = engine.search(query, SUGGESTIONS);
    hrefs = [...hits.map((hit) => `/help/${hit.slug}`), `/search?q=${encodeURIComponent(query)}`];
    const options = hits.map((hit, index) =>
      h(
        "li",
        {
          id: `${id}-opt-${index}`,
          role: "option",
          "aria-selected": "false",
          class: "cursor-pointer px-3 py-2",
        },
        h("span", { class: "block font-medium" }, ...highlighted(engine!.highlight(hit.title, hit.terms))),
        h(
          "span",
          { class: "block text-sm text-slate-700 dark:text-slate-300" },
          categoryTitles[hit.category] ?? hit.category,
        ),
      ),
    );
    options.push(
      h(
        "li",
        { id: `${id}-opt-all`, role: "option", "aria-selected": "false", class: "cursor-pointer px-3 py-2" },
        h(
          "span",
          { class: "block font-medium text-brand-ink" },
          hits.length ? `See all results for “${query}”` : `No quick matches. Search for “${query}”`,
        ),
      ),
    );
    list.replaceChildren(...options);
    list.hidden = false;
    input!.setAttribute("aria-expanded", "true");
    active = -1;
    input!.removeAttribute("aria-activedescendant");
    status.textContent = hits.length
      ? `${hits.length} ${hits.length === 1 ? "suggestion" : "suggestions"}. Use the up and down arrows to choose.`
      : "No quick matches. Press Enter to search.";
  }

  input.addEventListener("focus", () => {
    ensureEngine();
    render();
  });
  input.addEventListener("input", () => {
    ensureEngine();
    render();
  });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) return;
      event.preventDefault();
      const count = list.children.length;
      const next = active + (event.key === "ArrowDown" ? 1 : -1);
      setActive(next < -1 ? count - 1 : next >= count ? -1 : next);
    } else if (event.key === "Enter" && open && active >= 0) {
      const href = hrefs[active];
      if (href) {
        event.preventDefault();
        go(href);
      }
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  // mousedown would blur the field first and close the list before the click lands.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = (event.target as Element).closest("[role=option]");
    const index = option ? Array.from(list.children).indexOf(option) : -1;
    const href = hrefs[index];
    if (href) go(href);
  });
}
