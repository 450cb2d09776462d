import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/help/breadcrumbs";
import { JsonLd } from "@/components/help/json-ld";
import { LinkCards } from "@/components/help/link-list";
import { articlePath, listArticlesInCategory } from "@/lib/content/articles";
import { categories, findCategory } from "@/lib/content/categories";
import { breadcrumbJsonLd } from "@/lib/content/json-ld";
import { appUrl } from "@/lib/env";

export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return categories
    .filter((category) => listArticlesInCategory(category.slug).length > 0)
    .map((category) => ({ slug: category.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = findCategory((await params).slug);
  if (!category) return {};
  const path = `/help/category/${category.slug}`;
  return {
    title: category.title,
    description: category.description,
    alternates: { canonical: path },
    openGraph: { url: path, title: category.title, description: category.description },
  };
}

export default async function CategoryPage({ params }: Props) {
  const category = findCategory((await params).slug);
  if (!category) notFound();
  const articles = listArticlesInCategory(category.slug);
  const crumbs = [
    { name: "Help", path: "/" },
    { name: category.title, path: `/help/category/${category.slug}` },
  ];
  return (
    <>
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
    </>
  );
}
