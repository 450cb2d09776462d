// The brand's look as design tokens: colours for light and dark, the font stack and the logo's
// colours. Components use them through Tailwind utilities (bg-brand, text-brand-ink, …) that
// app/globals.css maps to CSS custom properties; brandThemeCss() writes the properties' values
// from this configuration, so a white-label deployment changes one object, not the components.
// brand-theme.test.ts checks every pair that is ever drawn together against WCAG 2.2 AA.

export type ThemeColors = {
  /** Filled buttons and the logo's mark. */
  brand: string;
  /** Hover state of filled buttons. */
  brandStrong: string;
  /** Text on `brand`. */
  onBrand: string;
  /** Links and accented text on the page background. */
  brandInk: string;
  /** Tinted panels (selected answer, info boxes). */
  brandSoft: string;
  /** Text on `brandSoft`. */
  brandSoftInk: string;
  /** The second colour of the identity: the logo's accent and the header rule. */
  accent: string;
  /** The page background these colours are drawn on. */
  page: string;
  /** Body text on the page background. */
  text: string;
};

export type BrandTheme = {
  light: ThemeColors;
  dark: ThemeColors;
  /** CSS font-family list. System fonts only: builds run offline and pages load no web fonts. */
  fontFamily: string;
};

/** Northwind Market: a deep sea-green with a warm amber, on white or near-black. */
export const demoTheme: BrandTheme = {
  light: {
    brand: "#0b6e5f",
    brandStrong: "#07574b",
    onBrand: "#ffffff",
    brandInk: "#0a5c50",
    brandSoft: "#e6f4f1",
    brandSoftInk: "#073b34",
    accent: "#b45309",
    page: "#ffffff",
    text: "#0f172a",
  },
  dark: {
    brand: "#5fd4bf",
    brandStrong: "#8ee3d3",
    onBrand: "#04231e",
    brandInk: "#7fdcca",
    brandSoft: "#0c302a",
    brandSoftInk: "#d3f3ec",
    accent: "#f5b54a",
    page: "#020617",
    text: "#f1f5f9",
  },
  fontFamily: '"Segoe UI Variable", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
};

/** Pairs drawn together: [foreground, background, minimum WCAG contrast ratio, what it is]. */
export function themePairs(colors: ThemeColors): [string, string, number, string][] {
  return [
    [colors.onBrand, colors.brand, 4.5, "button text on the brand colour"],
    [colors.onBrand, colors.brandStrong, 4.5, "button text on the hover colour"],
    [colors.brandInk, colors.page, 4.5, "links on the page"],
    [colors.brandSoftInk, colors.brandSoft, 4.5, "text on tinted panels"],
    [colors.brandInk, colors.brandSoft, 4.5, "links on tinted panels"],
    [colors.text, colors.brandSoft, 4.5, "body text on tinted panels"],
    [colors.text, colors.page, 4.5, "body text"],
    [colors.brand, colors.page, 3, "buttons and the logo against the page (non-text)"],
    [colors.accent, colors.page, 3, "the accent against the page (non-text)"],
  ];
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => channel(parseInt(part, 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const PROPERTY: Record<keyof ThemeColors, string> = {
  brand: "--brand",
  brandStrong: "--brand-strong",
  onBrand: "--on-brand",
  brandInk: "--brand-ink",
  brandSoft: "--brand-soft",
  brandSoftInk: "--brand-soft-ink",
  accent: "--accent",
  page: "--page",
  text: "--text",
};

function declarations(colors: ThemeColors): string {
  return (Object.keys(PROPERTY) as (keyof ThemeColors)[])
    .map((key) => `${PROPERTY[key]}:${colors[key]}`)
    .join(";");
}

/**
 * The tokens as CSS: light by default, dark under the same rule as Tailwind's dark variant in
 * app/globals.css (the system setting, unless an ancestor says .light; or an explicit .dark).
 * Only colours and a font list from our own configuration: nothing a visitor controls.
 */
export function brandThemeCss(theme: BrandTheme): string {
  const dark = declarations(theme.dark);
  return [
    `:root{${declarations(theme.light)};--brand-font:${theme.fontFamily}}`,
    `@media (prefers-color-scheme: dark){:root:not(.light){${dark}}}`,
    `:root.dark{${dark}}`,
  ].join("\n");
}
