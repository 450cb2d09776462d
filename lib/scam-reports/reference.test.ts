import { describe, expect, it } from "vitest";
import { generateReference, normaliseReference, REFERENCE_ALPHABET, REFERENCE_PATTERN } from "./reference";

describe("references", () => {
  it("look like SR-XXXX-XXXX in Crockford's alphabet, without I, L, O or U", () => {
    for (let index = 0; index < 2_000; index++) {
      const reference = generateReference();
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference.slice(3)).not.toMatch(/[ILOU]/);
    }
    expect(REFERENCE_ALPHABET).toHaveLength(32);
  });

  it("are random enough not to repeat in a large sample", () => {
    const seen = new Set(Array.from({ length: 20_000 }, () => generateReference()));
    expect(seen.size).toBe(20_000);
  });

  it("use the random source they are given", () => {
    expect(generateReference(() => 0)).toBe("SR-0000-0000");
    expect(generateReference((max) => max - 1)).toBe("SR-ZZZZ-ZZZZ");
  });

  it("are read back however a person types them", () => {
    expect(normaliseReference("sr-h4x9-175t")).toBe("SR-H4X9-175T");
    expect(normaliseReference(" SR H4X9 175T ")).toBe("SR-H4X9-175T");
    expect(normaliseReference("h4x9175t")).toBe("SR-H4X9-175T");
    expect(normaliseReference("SR-YHY3-BQJO")).toBe("SR-YHY3-BQJ0");
    expect(normaliseReference("SR-1234")).toBeNull();
    expect(normaliseReference("SR-UUUU-UUUU")).toBeNull();
    expect(normaliseReference("<script>")).toBeNull();
  });
});
