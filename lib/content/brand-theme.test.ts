import { describe, expect, it } from "vitest";
import { brandThemeCss, contrastRatio, demoTheme, themePairs } from "./brand-theme";
import { brand } from "./brand";

describe("brand theme", () => {
  it("computes WCAG contrast like the specification's examples", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 on white is the classic smallest grey that passes AA for body text.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  for (const mode of ["light", "dark"] as const) {
    it(`meets WCAG AA for every token pair in ${mode} mode`, () => {
      const failures = themePairs(brand.theme[mode])
        .map(([fg, bg, minimum, what]) => ({ what, ratio: contrastRatio(fg, bg), minimum }))
        .filter((pair) => pair.ratio < pair.minimum)
        .map((pair) => `${pair.what}: ${pair.ratio.toFixed(2)} < ${pair.minimum}`);
      expect(failures).toEqual([]);
    });
  }

  it("gives the demo brand its own identity, written out as CSS custom properties", () => {
    expect(brand.theme).toEqual(demoTheme);
    const css = brandThemeCss(demoTheme);
    expect(css).toContain(`--brand:${demoTheme.light.brand}`);
    expect(css).toContain(`--brand:${demoTheme.dark.brand}`);
    expect(css).toContain("prefers-color-scheme: dark");
    expect(css).not.toMatch(/<\/?style/i);
  });
});
