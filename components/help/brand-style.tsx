// The brand's design tokens as CSS custom properties (lib/content/brand-theme.ts), in a <style>
// element: the help pages' policy allows inline styles, and the text comes only from our own
// configuration. Rendered once per page by the help center's document and layouts.
import { brand } from "@/lib/content/brand";
import { brandThemeCss } from "@/lib/content/brand-theme";

export function BrandStyle() {
  return <style id="brand-tokens" dangerouslySetInnerHTML={{ __html: brandThemeCss(brand.theme) }} />;
}
