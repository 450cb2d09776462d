// Public facts about the site that static pages need at build time.
import { appUrl } from "@/lib/env";

/** A path on this site as an absolute URL under APP_URL. */
export function absoluteUrl(path: string): string {
  return `${appUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** "2026-11-20T00:00:00.000Z" → "20 November 2026" (UTC: the date the writer meant). */
export function formatArticleDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(iso));
}
