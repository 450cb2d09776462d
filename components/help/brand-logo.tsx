// The brand's mark: a rounded tile in the brand colour with a compass needle in the accent, drawn
// from the theme's tokens (so it follows light and dark). Decorative: the name beside it is the text.
export function BrandLogo({ size = 28 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className="shrink-0"
    >
      <rect width="32" height="32" rx="8" fill="var(--brand)" />
      <path d="M16 5 L20.5 16 L16 14 L11.5 16 Z" fill="var(--accent)" />
      <path d="M16 27 L11.5 16 L16 18 L20.5 16 Z" fill="var(--on-brand)" />
    </svg>
  );
}
