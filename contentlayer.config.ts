// Content pipeline: `contentlayer2 build` compiles content/articles/*.mdx into .contentlayer/generated
// (git-ignored), which lib/content/articles.ts imports. contentlayer's Next.js plugin does not run
// under Turbopack, so the build script runs it first (see package.json and ENVIRONMENT.md).
// contentlayer only warns about bad frontmatter; scripts/validate-content.ts is the strict check.
import { defineDocumentType, defineNestedType, makeSource } from "contentlayer2/source-files";
import { createSlugger } from "./lib/content/headings";

const FaqEntry = defineNestedType(() => ({
  name: "FaqEntry",
  fields: {
    q: { type: "string", required: true },
    a: { type: "string", required: true },
  },
}));

export const Article = defineDocumentType(() => ({
  name: "Article",
  filePathPattern: "articles/*.mdx",
  contentType: "mdx",
  fields: {
    title: { type: "string", required: true },
    summary: { type: "string", required: true },
    category: { type: "string", required: true },
    tags: { type: "list", of: { type: "string" }, required: true },
    updated: { type: "date", required: true },
    audience: { type: "enum", options: ["customers"], required: true },
    related: { type: "list", of: { type: "string" }, default: [] },
    faq: { type: "list", of: FaqEntry, required: false },
  },
  computedFields: {
    slug: { type: "string", resolve: (doc) => doc._raw.sourceFileName.replace(/\.mdx$/, "") },
  },
}));

type HastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
};

function textOf(node: HastNode): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/** Gives every h2/h3 the id that the table of contents links to (lib/content/headings.ts). */
function rehypeHeadingIds() {
  return (tree: HastNode) => {
    const slug = createSlugger();
    const walk = (node: HastNode) => {
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
        node.properties = { ...node.properties, id: slug(textOf(node).replace(/\s+/g, " ").trim()) };
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

export default makeSource({
  contentDirPath: "content",
  contentDirInclude: ["articles"],
  documentTypes: [Article],
  disableImportAliasWarning: true,
  mdx: { rehypePlugins: [rehypeHeadingIds] },
});
