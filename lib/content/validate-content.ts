// Strict checks of content/: every article's frontmatter against the schema, categories, related
// and internal links, MDX components, and the brief's topic coverage. Used by
// scripts/validate-content.ts (fails the build) and by the unit tests.
import { parse as parseYaml } from "yaml";
import {
  ARTICLE_SLUG_PATTERN,
  articleFrontmatterSchema,
  describeIssues,
  type ArticleFrontmatter,
} from "./article-schema";

export type SourceFile = { path: string; text: string };

export type ParsedArticle = { path: string; slug: string; frontmatter: ArticleFrontmatter; body: string };

export const MDX_COMPONENTS = [
  "CompanyName",
  "AppName",
  "SupportPhone",
  "OfficialWebsite",
  "OfficialEmailDomain",
  "SecurityPageLink",
  "Callout",
] as const;

/** Site paths an article may link to besides other articles. */
export const KNOWN_PATHS = ["/", "/search", "/report", "/help/troubleshooter", "/help/check-a-message"];

export const BRIEF_TOPICS = Array.from({ length: 12 }, (_, i) => String(i + 1));

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function slugFromPath(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.mdx$/, "");
}

/** Parses one article; returns the problems found, each naming the file and the field. */
export function parseArticleSource(file: SourceFile): { article?: ParsedArticle; problems: string[] } {
  const slug = slugFromPath(file.path);
  const problems: string[] = [];
  if (!ARTICLE_SLUG_PATTERN.test(slug)) problems.push(`${file.path}: file name must be a lower-case slug`);
  const match = FRONTMATTER.exec(file.text);
  if (!match) return { problems: [...problems, `${file.path}: missing frontmatter block (--- ... ---)`] };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problems: [...problems, `${file.path}: frontmatter is not valid YAML: ${reason}`] };
  }
  const parsed = articleFrontmatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return {
      problems: [...problems, ...describeIssues(parsed.error).map((issue) => `${file.path}: ${issue}`)],
    };
  }
  return { article: { path: file.path, slug, frontmatter: parsed.data, body: match[2] ?? "" }, problems };
}

export type ContentCheckInput = {
  articles: SourceFile[];
  categorySlugs: string[];
  /** content/coverage.json: brief topic number → article slugs. */
  coverage?: Record<string, string[]>;
};

export function validateContent(input: ContentCheckInput): { articles: ParsedArticle[]; problems: string[] } {
  const problems: string[] = [];
  const articles: ParsedArticle[] = [];
  for (const file of input.articles) {
    const result = parseArticleSource(file);
    problems.push(...result.problems);
    if (result.article) articles.push(result.article);
  }
  const slugs = new Set(input.articles.map((file) => slugFromPath(file.path)));
  const categories = new Set(input.categorySlugs);
  const components = new Set<string>(MDX_COMPONENTS);

  for (const { path, slug, frontmatter, body } of articles) {
    if (!categories.has(frontmatter.category)) {
      problems.push(
        `${path}: field "category": unknown category "${frontmatter.category}" (see content/categories.json)`,
      );
    }
    frontmatter.related.forEach((related, index) => {
      if (related === slug)
        problems.push(`${path}: field "related.${index}": an article cannot be related to itself`);
      else if (!slugs.has(related))
        problems.push(`${path}: field "related.${index}": no article "${related}"`);
    });
    for (const [, name] of body.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
      if (name && !components.has(name)) problems.push(`${path}: body: unknown MDX component <${name}>`);
    }
    for (const [, target] of body.matchAll(/\]\((\/[^)\s#?]*)/g)) {
      if (!target) continue;
      const article = /^\/help\/([a-z0-9-]+)$/.exec(target)?.[1];
      const known = KNOWN_PATHS.includes(target) || target.startsWith("/help/troubleshooter/");
      if (!known && !(article && slugs.has(article)))
        problems.push(`${path}: body: link to unknown page ${target}`);
    }
  }

  if (input.coverage) {
    for (const topic of BRIEF_TOPICS) {
      const covering = input.coverage[topic] ?? [];
      if (covering.length === 0) problems.push(`content/coverage.json: brief topic ${topic} has no article`);
      for (const slug of covering) {
        if (!slugs.has(slug))
          problems.push(`content/coverage.json: topic ${topic} lists missing article "${slug}"`);
      }
    }
  }
  return { articles, problems };
}
