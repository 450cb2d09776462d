"use client";

import { useEffect, useRef } from "react";

/** Form fields that take typed text: "/" typed there is text, not the search shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The top bar's search: a plain GET form to /console/search, so it works before (and without)
 * JavaScript; with it, "/" anywhere outside a text field, and Ctrl+K or ⌘K anywhere, put the caret here.
 */
export function ConsoleSearch({ defaultValue = "" }: { defaultValue?: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const field = input.current;
      if (!field || event.defaultPrevented || event.altKey) return;
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
      const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
      if (!slash && !commandK) return;
      event.preventDefault();
      field.focus();
      field.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <form role="search" action="/console/search" method="get" className="flex min-w-0 items-center gap-2">
      <label htmlFor="console-search" className="sr-only">
        Search customers, cases, scam reports and staff
      </label>
      <input
        ref={input}
        id="console-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={200}
        autoComplete="off"
        aria-keyshortcuts="/ Control+K Meta+K"
        placeholder="Search: name, phone, C-1042, SR-…  ( / )"
        className="w-72 min-w-0 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400 focus:border-blue-600 focus:outline-2 focus:outline-blue-600"
      />
      <button
        type="submit"
        className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Search
      </button>
    </form>
  );
}
