import { describe, expect, it } from "vitest";
import { createSlugger, extractHeadings, slugifyHeading } from "./headings";
import { articleJsonLd, faqJsonLd, serializeJsonLd } from "./json-ld";
import { loadBrand, telHref } from "./brand";

describe("headings", () => {
  it("slugifies like the table of contents expects", () => {
    expect(slugifyHeading("If you're waiting for a text")).toBe("if-youre-waiting-for-a-text");
    expect(slugifyHeading('"Invalid code" or "Wrong code"')).toBe("invalid-code-or-wrong-code");
    expect(slugifyHeading("???")).toBe("section");
  });

  it("numbers repeated headings", () => {
    const slug = createSlugger();
    expect([slug("Steps"), slug("Steps"), slug("Steps")]).toEqual(["steps", "steps-1", "steps-2"]);
  });

  it("reads ## and ### outside code fences and strips markdown", () => {
    const body =
      "## First **bold**\n\ntext\n\n```\n## not a heading\n```\n### Second [link](/x)\n#### too deep";
    expect(extractHeadings(body)).toEqual([
      { depth: 2, text: "First bold", id: "first-bold" },
      { depth: 3, text: "Second link", id: "second-link" },
    ]);
  });
});

describe("JSON-LD", () => {
  it("escapes characters that could end the script tag", () => {
    const json = serializeJsonLd(faqJsonLd([{ q: "</script><script>alert(1)</script>", a: "a & b" }]));
    expect(json).not.toContain("<");
    expect(json).not.toContain(">");
    expect(JSON.parse(json)).toMatchObject({
      "@type": "FAQPage",
      mainEntity: [{ name: "</script><script>alert(1)</script>" }],
    });
  });

  it("describes an article", () => {
    expect(
      articleJsonLd({
        title: "T",
        summary: "S",
        url: "https://x.example/help/t",
        updated: "2026-11-20",
        publisher: "P",
      }),
    ).toMatchObject({
      "@type": "Article",
      headline: "T",
      dateModified: "2026-11-20",
    });
  });
});

describe("brand and site", () => {
  it("uses the demo brand unless overridden", () => {
    expect(loadBrand({}).companyName).toBe("Northwind Market");
    const custom = loadBrand({
      BRAND_COMPANY_NAME: "Acme",
      BRAND_OFFICIAL_DOMAINS: "acme.example, shop.acme.example",
    });
    expect(custom.companyName).toBe("Acme");
    expect(custom.officialDomains).toEqual(["acme.example", "shop.acme.example"]);
    expect(custom.officialEmailDomains).toEqual(["acme.example", "shop.acme.example"]);
    expect(custom.helpCenterName).toBe("Acme Help");
  });

  it("makes tel: links", () => {
    expect(telHref("+44 20 7946 0321")).toBe("tel:+442079460321");
  });
});
