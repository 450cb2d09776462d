import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/content/site";

// Rendered per request, so the links name the APP_URL the server runs with, not the one (if any)
// the build had.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      { userAgent: "*", allow: "/", disallow: ["/console", "/api", "/help/feedback", "/setup", "/invite"] },
    ],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
