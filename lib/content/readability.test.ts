import { describe, expect, it } from "vitest";
import { countSyllables, fleschKincaid } from "./readability";

describe("Flesch–Kincaid", () => {
  it("counts syllables close to a dictionary", () => {
    expect(countSyllables("code")).toBe(1);
    expect(countSyllables("password")).toBe(2);
    expect(countSyllables("verification")).toBe(5);
    expect(countSyllables("expired")).toBe(2);
    expect(countSyllables("table")).toBe(2);
  });

  it("grades simple text low and dense text high", () => {
    expect(fleschKincaid("Hang up. Call us back. Never share a code.").grade).toBeLessThan(3);
    const dense =
      "Organisational authentication infrastructure necessitates comprehensive verification methodologies, " +
      "particularly regarding unauthorised authorisation attempts originating internationally.";
    expect(fleschKincaid(dense).grade).toBeGreaterThan(16);
  });

  it("treats lines as sentences and survives empty text", () => {
    expect(fleschKincaid("First item\nSecond item\nThird item").sentences).toBe(3);
    expect(fleschKincaid("").grade).toBe(0);
  });
});
