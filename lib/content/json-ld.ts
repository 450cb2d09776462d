// schema.org data for search engines (Article, BreadcrumbList, FAQPage), and a serialiser that is
// safe inside <script>: "<" is escaped so text like "</script>" in an article cannot end the tag.

export type Crumb = { name: string; path: string };

type JsonLd = Record<string, unknown>;

export function breadcrumbJsonLd(crumbs: Crumb[], base: string): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: `${base}${crumb.path}`,
    })),
  };
}

export function articleJsonLd(input: {
  title: string;
  summary: string;
  url: string;
  updated: string;
  publisher: string;
}): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: input.title,
    description: input.summary,
    url: input.url,
    mainEntityOfPage: input.url,
    dateModified: input.updated,
    datePublished: input.updated,
    inLanguage: "en",
    author: { "@type": "Organization", name: input.publisher },
    publisher: { "@type": "Organization", name: input.publisher },
  };
}

export function faqJsonLd(faq: { q: string; a: string }[]): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: faq.map((entry) => ({
      "@type": "Question",
      name: entry.q,
      acceptedAnswer: { "@type": "Answer", text: entry.a },
    })),
  };
}

/** JSON for a <script type="application/ld+json">: `<`, `>`, `&` and line separators escaped. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
