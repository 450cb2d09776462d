// Readable plain text of an MDX body, for the search index and the readability check. Brand
// components are replaced by the brand's words, so both see what a reader sees.
import type { Brand } from "./brand";

function brandWords(brand: Brand): Record<string, string> {
  return {
    CompanyName: brand.companyName,
    AppName: brand.appName,
    SupportPhone: brand.supportPhone,
    OfficialWebsite: brand.officialDomains[0] ?? "",
    OfficialEmailDomain: `@${brand.officialEmailDomains[0] ?? ""}`,
    SecurityPageLink: "security page",
  };
}

/**
 * Turns MDX into lines of plain text: one line per paragraph, list item or heading, each ending
 * in sentence punctuation (a list item is a sentence to a reader, and to the grade formula).
 */
export function mdxToPlainText(raw: string, brand: Brand): string {
  const words = brandWords(brand);
  const lines: string[] = [];
  let inFence = false;
  for (const rawLine of raw.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    let line = rawLine
      .replace(/<([A-Z][A-Za-z]*)\s*\/>/g, (_, name: string) => words[name] ?? "")
      .replace(/<\/?[A-Za-z][^>]*>/g, " ")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/^\s*#{1,6}\s+/, "")
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
      .replace(/^\s*>\s?/, "")
      .replace(/[*_`~]/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (!line) continue;
    if (!/[.!?:;]["”’)]?$/.test(line)) line += ".";
    lines.push(line);
  }
  return lines.join("\n");
}
