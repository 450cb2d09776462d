"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { RECENT_KIND_LABELS, useRecentItems } from "./recent-items";

/** Form fields that take typed text: "/" typed there is text, not the search shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The top bar's search: a plain GET form to /console/search, so it works before (and without)
 * JavaScript; with it, "/" anywhere outside a text field, and Ctrl+K or ⌘K anywhere, put the caret here.
 */
export function ConsoleSearch({ staffId, defaultValue = "" }: { staffId: string; defaultValue?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const recent = useRecentItems(staffId);
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
    // The recent items show while focus is in the search (the field or one of the items), so the
    // keyboard reaches them with Tab from the field and Escape-free: leaving the search hides them.
    <form
      role="search"
      aria-label="Search the console"
      action="/console/search"
      method="get"
      className="group relative flex min-w-0 items-center gap-2"
    >
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
      {recent.length > 0 ? (
        <nav
          aria-label="Recently opened"
          data-testid="recent-items"
          className="absolute top-full left-0 z-40 mt-1 hidden w-96 max-w-[90vw] rounded-md border border-slate-300 bg-white p-2 shadow-lg group-focus-within:block dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="px-2 pb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
            Recently opened
          </p>
          <ul>
            {recent.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  prefetch={false}
                  className="block rounded px-2 py-1 text-sm text-blue-800 underline hover:bg-slate-100 focus:bg-slate-100 dark:text-blue-200 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
                >
                  <span className="text-slate-700 dark:text-slate-300">{RECENT_KIND_LABELS[item.kind]}:</span>{" "}
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </form>
  );
}
