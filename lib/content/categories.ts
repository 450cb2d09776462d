// Help-center categories, from content/categories.json (validated on import).
import categoriesJson from "@/content/categories.json";
import { categoriesSchema, type Category } from "./article-schema";

export type { Category };

export const categories: Category[] = categoriesSchema
  .parse(categoriesJson)
  .toSorted((a, b) => a.order - b.order);

export function findCategory(slug: string): Category | undefined {
  return categories.find((category) => category.slug === slug);
}
