// Heading anchors. One slug function is used both by the MDX compiler (rehype plugin in
// contentlayer.config.ts, which writes the ids into the HTML) and by the table of contents (which
// reads the raw markdown), so the two can never disagree.

export type Heading = { depth: 2 | 3; text: string; id: string };

/** "Why the clock matters!" → "why-the-clock-matters". ASCII letters and digits only. */
export function slugifyHeading(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

/** Gives repeated headings distinct ids the way GitHub does: "faq", "faq-1", "faq-2". */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugifyHeading(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/** Plain text of inline markdown: drops emphasis, code ticks, links' targets and JSX tags. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/<[^>]+\/>/g, "")
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The ## and ### headings of an MDX body, in order, outside fenced code blocks. */
export function extractHeadings(body: string): Heading[] {
  const slug = createSlugger();
  const headings: Heading[] = [];
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const text = stripInlineMarkdown(match[2]);
    headings.push({ depth: match[1].length as 2 | 3, text, id: slug(text) });
  }
  return headings;
}
