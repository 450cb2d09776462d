import Link from "next/link";
import { articlePath, listCategoriesWithArticles } from "@/lib/content/articles";

/** Every article by category: the search page's content when JavaScript is off, and a browse list. */
export function AllArticles({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="grid gap-8 sm:grid-cols-2">
      {listCategoriesWithArticles().map((category) => (
        <section key={category.slug} aria-labelledby={`all-${category.slug}`}>
          <Heading id={`all-${category.slug}`} className="text-lg font-semibold">
            <Link
              prefetch={false}
              href={`/help/category/${category.slug}`}
              className="underline-offset-2 hover:underline"
            >
              {category.title}
            </Link>
          </Heading>
          <ul className="mt-2 space-y-1">
            {category.articles.map((article) => (
              <li key={article.slug}>
                <Link
                  prefetch={false}
                  href={articlePath(article.slug)}
                  className="text-brand-ink underline underline-offset-2"
                >
                  {article.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
