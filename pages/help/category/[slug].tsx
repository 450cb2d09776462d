import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import { Breadcrumbs } from "@/components/help/breadcrumbs";
import { HelpFrame, HelpHead } from "@/components/help/help-page";
import { JsonLd } from "@/components/help/json-ld";
import { LinkCards } from "@/components/help/link-list";
import { articlePath, listArticlesInCategory } from "@/lib/content/articles";
import { categories, findCategory } from "@/lib/content/categories";
import { breadcrumbJsonLd } from "@/lib/content/json-ld";
import { appUrl } from "@/lib/env";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { slug: string };

export const getStaticPaths: GetStaticPaths = () =>
  Promise.resolve({
    paths: categories
      .filter((category) => listArticlesInCategory(category.slug).length > 0)
      .map((category) => ({ params: { slug: category.slug } })),
    fallback: false,
  });

export const getStaticProps: GetStaticProps<Props> = ({ params }) => {
  const slug = typeof params?.slug === "string" ? params.slug : "";
  return Promise.resolve(findCategory(slug) ? { props: { slug } } : { notFound: true });
};

export default function CategoryPage({ slug }: Props) {
  const category = findCategory(slug);
  if (!category) throw new Error(`category ${slug} vanished after getStaticProps`);
  const articles = listArticlesInCategory(category.slug);
  const path = `/help/category/${category.slug}`;
  const crumbs = [
    { name: "Help", path: "/" },
    { name: category.title, path },
  ];
  return (
    <>
      <HelpHead title={category.title} description={category.description} canonical={path} />
      <HelpFrame>
        <JsonLd data={breadcrumbJsonLd(crumbs, appUrl())} />
        <Breadcrumbs crumbs={crumbs} />
        <h1 className="mt-4 text-3xl font-bold tracking-tight">{category.title}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700 dark:text-slate-300">{category.description}</p>
        <h2 className="sr-only">Articles</h2>
        <LinkCards
          className="mt-6"
          items={articles.map((article) => ({
            href: articlePath(article.slug),
            title: article.title,
            description: article.summary,
          }))}
        />
      </HelpFrame>
    </>
  );
}
