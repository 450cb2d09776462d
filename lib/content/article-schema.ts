// The frontmatter contract of an article. contentlayer2 only warns about bad frontmatter (and then
// silently drops the document), so scripts/validate-content.ts checks every file against this schema
// after `contentlayer2 build` and fails the build naming the file and the field.
import { z } from "zod";

export const ARTICLE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(ARTICLE_SLUG_PATTERN, "must be a lower-case slug like my-article");

export const faqEntrySchema = z.strictObject({
  q: z.string().trim().min(5, "question is too short"),
  a: z.string().trim().min(10, "answer is too short"),
});

export const articleFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(5, "must be at least 5 characters").max(90, "must be at most 90 characters"),
  summary: z
    .string()
    .trim()
    .min(20, "must be at least 20 characters")
    .max(240, "must be at most 240 characters"),
  category: slug,
  tags: z.array(z.string().trim().min(1)).min(1, "needs at least one tag"),
  // YAML turns 2026-11-20 into a Date; a quoted string is accepted too.
  updated: z
    .union([z.date(), z.iso.date()])
    .transform((value) => (typeof value === "string" ? new Date(value) : value)),
  audience: z.literal("customers"),
  related: z.array(slug).default([]),
  faq: z.array(faqEntrySchema).optional(),
});

export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;

export const categorySchema = z.strictObject({
  slug,
  title: z.string().min(3),
  description: z.string().min(10),
  order: z.number().int(),
});

export const categoriesSchema = z.array(categorySchema).min(1);

export type Category = z.infer<typeof categorySchema>;

/** "tags.2: too short" style paths for error messages. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : "(frontmatter)";
    return `field "${field}": ${issue.message}`;
  });
}
