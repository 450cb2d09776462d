import { describe, expect, it } from "vitest";
import { highlightTerms, loadSearchIndex, searchArticles, stemWord } from "./search";
import { buildSearchDocuments, buildSearchIndexJson } from "./search-index";

// The browser's path: the serialised index, loaded back.
const index = loadSearchIndex(buildSearchIndexJson());
const slugs = (query: string, limit = 5) => searchArticles(index, query, limit).map((hit) => hit.slug);

describe("search", () => {
  it("indexes every article and stays small", () => {
    expect(index.documentCount).toBe(buildSearchDocuments().length);
    expect(buildSearchIndexJson().length).toBeLessThan(150_000);
  });

  it("puts the fake-caller article first for a caller asking for a code", () => {
    expect(slugs("someone called asking for my code")[0]).toBe("calls-from-a-fake-representative");
  });

  it("treats code, OTP, passcode, one-time password and verification code as one thing", () => {
    const code = slugs("code", 8);
    expect(code).toContain("what-is-a-one-time-passcode");
    for (const synonym of [
      "OTP",
      "passcode",
      "one-time password",
      "one time passcode",
      "verification code",
      "codes",
    ]) {
      expect(slugs(synonym, 8), synonym).toEqual(code);
    }
  });

  it("treats text and SMS as one thing", () => {
    expect(slugs("SMS", 8)).toEqual(slugs("text", 8));
    expect(slugs("text message", 8)).toEqual(slugs("text", 8));
    expect(slugs("sms code not arriving")).toContain("code-did-not-arrive");
  });

  it("tolerates typos and unfinished words", () => {
    const found = slugs("verifcation cod", 10);
    expect(found).toContain("what-is-a-one-time-passcode");
    expect(slugs("authentcator clock")[0]).toBe("authenticator-app-codes-not-working");
    expect(slugs("delivry cod")).toContain("what-is-a-delivery-code");
    expect(slugs("scam cal")).toContain("calls-from-a-fake-representative");
  });

  it("finds articles by the words customers use", () => {
    expect(slugs("lost my phone")[0]).toBe("lost-or-new-phone");
    expect(slugs("gift card")[0]).toBe("common-scam-scripts");
    expect(slugs("turn off 2fa")[0]).toBe("turn-off-two-step-verification");
    expect(slugs("hacked")).toContain("hacked-account-checklist");
    expect(slugs("backup codes")[0]).toBe("backup-codes");
  });

  it("returns nothing for an empty query or nonsense", () => {
    expect(slugs("")).toEqual([]);
    expect(slugs("   ")).toEqual([]);
    expect(slugs("zzqxj")).toEqual([]);
  });

  it("highlights the words that matched, as text", () => {
    const [hit] = searchArticles(index, "caller code", 1);
    if (!hit) throw new Error("no hit");
    const segments = highlightTerms("A caller asks for codes. <b>", hit.terms);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["caller", "codes"]);
    expect(segments.map((s) => s.text).join("")).toBe("A caller asks for codes. <b>");
  });

  it("stems consistently", () => {
    expect(stemWord("sharing")).toBe(stemWord("share"));
    expect(stemWord("shared")).toBe(stemWord("shares"));
    expect(stemWord("calls")).toBe(stemWord("call"));
  });
});
