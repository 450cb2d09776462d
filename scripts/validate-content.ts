// Runs after `contentlayer2 build` (npm run content:build). contentlayer only warns about bad
// frontmatter and drops the document; this fails the build and names the file and the field.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateContent } from "../lib/content/validate-content";

const root = process.cwd();
const articleDir = path.join(root, "content", "articles");
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), "utf8"));

const files = readdirSync(articleDir)
  .filter((name) => name.endsWith(".mdx"))
  .toSorted()
  .map((name) => ({
    path: `content/articles/${name}`,
    text: readFileSync(path.join(articleDir, name), "utf8"),
  }));

const categorySlugs = (readJson("content/categories.json") as { slug: string }[]).map(
  (category) => category.slug,
);
const coverage = readJson("content/coverage.json") as Record<string, string[]>;
const { articles, problems } = validateContent({ articles: files, categorySlugs, coverage });

// Every article must also have come out of contentlayer (it drops documents it cannot read).
const generated = new Set(
  (readJson(".contentlayer/generated/Article/_index.json") as { slug: string }[]).map(
    (article) => article.slug,
  ),
);
for (const article of articles) {
  if (!generated.has(article.slug))
    problems.push(`${article.path}: contentlayer did not generate it (see its warnings above)`);
}

if (problems.length) {
  process.stderr.write(
    `\nInvalid content (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join("\n")}\n\n`,
  );
  process.exit(1);
}
process.stdout.write(`Content OK: ${articles.length} articles.\n`);
