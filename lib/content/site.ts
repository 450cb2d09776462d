// Public facts about the site that static pages need at build time. lib/env.ts parses the server's
// full environment (database, secrets), which `next build` does not have, so the one public value
// the help pages need is read here on its own.
import { z } from "zod";

const appUrlSchema = z.url().default("http://localhost:3000");

/** The public base URL without a trailing slash, from APP_URL (default http://localhost:3000). */
export function siteUrl(source: Record<string, string | undefined> = process.env): string {
  const parsed = appUrlSchema.safeParse(source.APP_URL?.trim() || undefined);
  if (!parsed.success) throw new Error(`APP_URL must be an absolute URL, got "${source.APP_URL}"`);
  return parsed.data.replace(/\/+$/, "");
}

export function absoluteUrl(path: string, source?: Record<string, string | undefined>): string {
  return `${siteUrl(source)}${path.startsWith("/") ? path : `/${path}`}`;
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
