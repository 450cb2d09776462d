// An article, generated for every slug at build time; unknown slugs are 404s. No framework
// JavaScript (docs/decisions/009): the feedback form and the header search are enhanced by the
// help center's own small script.
import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import { Breadcrumbs } from "@/components/help/breadcrumbs";
import { FeedbackForm } from "@/components/help/feedback-form";
import { HelpFrame, HelpHead } from "@/components/help/help-page";
import { HelpPaths } from "@/components/help/help-paths";
import { JsonLd } from "@/components/help/json-ld";
import { LinkCards } from "@/components/help/link-list";
import { MdxContent } from "@/components/help/mdx-content";
import { TableOfContents } from "@/components/help/table-of-contents";
import {
  articleHeadings,
  articlePath,
  findArticle,
  listArticles,
  listRelatedArticles,
} from "@/lib/content/articles";
import { brand } from "@/lib/content/brand";
import { findCategory } from "@/lib/content/categories";
import { articleJsonLd, breadcrumbJsonLd, faqJsonLd, type Crumb } from "@/lib/content/json-ld";
import { absoluteUrl, formatArticleDate } from "@/lib/content/site";
import { appUrl } from "@/lib/env";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { slug: string };

export const getStaticPaths: GetStaticPaths = () =>
  Promise.resolve({
    paths: listArticles().map((article) => ({ params: { slug: article.slug } })),
    fallback: false,
  });

export const getStaticProps: GetStaticProps<Props> = ({ params }) => {
  const slug = typeof params?.slug === "string" ? params.slug : "";
  return Promise.resolve(findArticle(slug) ? { props: { slug } } : { notFound: true });
};

export default function ArticlePage({ slug }: Props) {
  const article = findArticle(slug);
  if (!article) throw new Error(`article ${slug} vanished after getStaticProps`);
  const category = findCategory(article.category);
  const headings = articleHeadings(article);
  const related = listRelatedArticles(article);
  const path = articlePath(article.slug);
  const crumbs: Crumb[] = [
    { name: "Help", path: "/" },
    ...(category ? [{ name: category.title, path: `/help/category/${category.slug}` }] : []),
    { name: article.title, path },
  ];
  const jsonLd = [
    articleJsonLd({
      title: article.title,
      summary: article.summary,
      url: absoluteUrl(path),
      updated: article.updated,
      publisher: brand.companyName,
    }),
    breadcrumbJsonLd(crumbs, appUrl()),
    ...(article.faq?.length ? [faqJsonLd(article.faq)] : []),
  ];

  return (
    <>
      <HelpHead
        title={article.title}
        description={article.summary}
        canonical={path}
        ogType="article"
        modifiedTime={article.updated}
      />
      <HelpFrame>
        <JsonLd data={jsonLd} />
        <Breadcrumbs crumbs={crumbs} />
        <div className="mt-4 max-w-3xl">
          <article>
            <header>
              <h1 className="text-3xl font-bold tracking-tight">{article.title}</h1>
              <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{article.summary}</p>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                Last updated{" "}
                <time dateTime={article.updated.slice(0, 10)}>{formatArticleDate(article.updated)}</time>
              </p>
            </header>
            <div className="no-print mt-6">
              <TableOfContents headings={headings} />
            </div>
            <div className="article-body mt-6">
              <MdxContent code={article.body.code} />
            </div>
            {article.faq?.length ? (
              <section aria-labelledby="questions-people-ask" className="article-body mt-10">
                <h2 id="questions-people-ask">Questions people ask</h2>
                {article.faq.map((entry) => (
                  <div key={entry.q}>
                    <h3>{entry.q}</h3>
                    <p className="mt-1">{entry.a}</p>
                  </div>
                ))}
              </section>
            ) : null}
            <div className="no-print mt-10 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
              <FeedbackForm articleSlug={article.slug} />
            </div>
            <div className="mt-8">
              <HelpPaths />
            </div>
          </article>
        </div>
        {related.length ? (
          <section aria-labelledby="related" className="no-print mt-10 max-w-3xl">
            <h2 id="related" className="text-xl font-bold">
              Related articles
            </h2>
            <LinkCards
              items={related.map((item) => ({
                href: articlePath(item.slug),
                title: item.title,
                description: item.summary,
              }))}
              className="mt-3"
            />
          </section>
        ) : null}
      </HelpFrame>
    </>
  );
}
