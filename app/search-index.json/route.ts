// The search index, built once at build time and served as a static file.
import { buildSearchIndexJson } from "@/lib/content/search-index";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(buildSearchIndexJson(), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
