import type { MetadataRoute } from "next";
import { articlePath, listArticles, listCategoriesWithArticles } from "@/lib/content/articles";
import { absoluteUrl } from "@/lib/content/site";
import { troubleshooterStartPath } from "@/lib/content/troubleshooter";

// Rendered per request, so the links name the APP_URL the server runs with, not the one (if any)
// the build had.
export const dynamic = "force-dynamic";

export default function sitemap(): MetadataRoute.Sitemap {
  const articles = listArticles();
  const newest = articles
    .map((article) => article.updated)
    .toSorted()
    .at(-1);
  return [
    { url: absoluteUrl("/"), lastModified: newest, changeFrequency: "weekly", priority: 1 },
    { url: absoluteUrl("/search"), changeFrequency: "weekly", priority: 0.5 },
    { url: absoluteUrl(troubleshooterStartPath), changeFrequency: "monthly", priority: 0.8 },
    { url: absoluteUrl("/help/check-a-message"), changeFrequency: "monthly", priority: 0.8 },
    ...listCategoriesWithArticles().map((category) => ({
      url: absoluteUrl(`/help/category/${category.slug}`),
      changeFrequency: "weekly" as const,
      priority: 0.6,
    })),
    ...articles.map((article) => ({
      url: absoluteUrl(articlePath(article.slug)),
      lastModified: article.updated,
      changeFrequency: "monthly" as const,
      priority: 0.7,
    })),
  ];
}
