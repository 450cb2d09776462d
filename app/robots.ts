import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/content/site";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      { userAgent: "*", allow: "/", disallow: ["/console", "/api", "/help/feedback", "/setup", "/invite"] },
    ],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
