import { createHash } from "node:crypto";
import * as crypto from "node:crypto";
import type * as Crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Spy on the comparison the module uses, to show every path goes through the constant-time one.
vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const { API_KEY_PATTERN, apiKeyMatches, bearerToken, generateApiKey, hashApiKey, parseApiKey } =
  await import("./key-material");

describe("API key material", () => {
  it("generates asd_<8-char prefix>_<43-char secret> keys and stores only the SHA-256 of the whole key", () => {
    const { key, prefix, secretHash } = generateApiKey();
    expect(key).toMatch(API_KEY_PATTERN);
    expect(key.startsWith(`asd_${prefix}_`)).toBe(true);
    expect(key.length).toBe(4 + 8 + 1 + 43);
    expect(secretHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(secretHash).not.toContain(key.slice(13));
    expect(hashApiKey(key)).toBe(secretHash);
  });

  it("generates different keys and prefixes each time", () => {
    const keys = Array.from({ length: 200 }, () => generateApiKey());
    expect(new Set(keys.map((k) => k.key)).size).toBe(200);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(200);
  });

  it("parses well-formed keys and refuses anything else", () => {
    const { key, prefix } = generateApiKey();
    expect(parseApiKey(key)).toEqual({ key, prefix });
    for (const bad of [
      "",
      "asd_",
      `${key}x`,
      key.slice(0, -1),
      key.replace("asd_", "xyz_"),
      key.toUpperCase(),
      ` ${key}`,
      `asd_ABCDEFGH_${key.slice(13)}`,
    ]) {
      expect(parseApiKey(bad), bad).toBeNull();
    }
  });

  it("reads bearer tokens case-insensitively and nothing else", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer   abc")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("compares through timingSafeEqual whether the key matches, differs or has no stored hash", () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    const { key, secretHash } = generateApiKey();
    const other = generateApiKey();
    spy.mockClear();
    expect(apiKeyMatches(key, secretHash)).toBe(true);
    expect(apiKeyMatches(other.key, secretHash)).toBe(false);
    // Unknown prefix: still hashed and compared (against a placeholder), and never a match.
    expect(apiKeyMatches(key, null)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(3);
    // A stored value that is not a digest never matches and never throws.
    expect(apiKeyMatches(key, "not-hex")).toBe(false);
  });
});
