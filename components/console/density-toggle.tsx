"use client";

import { useState } from "react";

const DENSITY_COOKIE = "console-density";

/**
 * Compact tables (less padding per row) for staff who scan long lists. The choice lives in a cookie
 * so the server renders it on every page; the button also flips the page at once.
 */
export function DensityToggle({ initial }: { initial: "comfortable" | "compact" }) {
  const [compact, setCompact] = useState(initial === "compact");
  function toggle() {
    const next = !compact;
    setCompact(next);
    document.cookie = `${DENSITY_COOKIE}=${next ? "compact" : "comfortable"}; path=/console; max-age=31536000; samesite=lax`;
    document.querySelector("[data-density]")?.setAttribute("data-density", next ? "compact" : "comfortable");
  }
  return (
    <button
      type="button"
      aria-pressed={compact}
      onClick={toggle}
      className="rounded-md border border-slate-400 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      Compact tables
    </button>
  );
}
