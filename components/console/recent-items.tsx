"use client";

// The staff member's recently opened customers, cases and scam reports, kept in this browser's
// localStorage under their staff id (never sent anywhere) and cleared when they sign out, so a shared
// desk computer does not hand one person's recent customers to the next.
import { useEffect, useSyncExternalStore } from "react";

export type RecentKind = "customer" | "case" | "report";
export type RecentItem = { kind: RecentKind; label: string; href: string };

const PREFIX = "console-recent:";
const MAX_ITEMS = 8;
const CHANGED = "console-recent-changed";

function storageKey(staffId: string) {
  return `${PREFIX}${staffId}`;
}

function isRecentItem(value: unknown): value is RecentItem {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    (item.kind === "customer" || item.kind === "case" || item.kind === "report") &&
    typeof item.label === "string" &&
    // Only console paths: a value edited by hand in storage never becomes a link elsewhere.
    typeof item.href === "string" &&
    /^\/console\/[A-Za-z0-9/_-]+$/.test(item.href)
  );
}

function readRaw(staffId: string): string {
  try {
    return window.localStorage.getItem(storageKey(staffId)) ?? "[]";
  } catch {
    return "[]";
  }
}

function parse(raw: string): RecentItem[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter(isRecentItem).slice(0, MAX_ITEMS) : [];
  } catch {
    return [];
  }
}

export function forgetRecentItems() {
  try {
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode): there is nothing to forget.
  }
}

/** Records a page as recently opened (rendered by the customer, case and report pages). */
export function RememberRecent({ staffId, item }: { staffId: string; item: RecentItem }) {
  const { kind, label, href } = item;
  useEffect(() => {
    const items = [{ kind, label, href }, ...parse(readRaw(staffId)).filter((old) => old.href !== href)];
    try {
      window.localStorage.setItem(storageKey(staffId), JSON.stringify(items.slice(0, MAX_ITEMS)));
      window.dispatchEvent(new Event(CHANGED));
    } catch {
      // Storage full or refused: recent items are a convenience, the page works without them.
    }
  }, [staffId, kind, label, href]);
  return null;
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The staff member's recent items, newest first (none while rendering on the server). */
export function useRecentItems(staffId: string): RecentItem[] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(staffId),
    () => "[]",
  );
  return parse(raw);
}

export const RECENT_KIND_LABELS: Record<RecentKind, string> = {
  customer: "Customer",
  case: "Case",
  report: "Scam report",
};
