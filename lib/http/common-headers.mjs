// The headers every response carries, whatever its path. Plain JavaScript because next.config.mjs
// loads it directly (Node runs the config without compiling TypeScript); common-headers.d.mts gives
// the TypeScript side its types. The per-page Content Security Policy is in security-headers.ts.

/** @param {{ production: boolean }} options */
export function commonSecurityHeaders({ production }) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Same-origin requests keep the full URL (useful in our own logs); other sites learn nothing,
    // which matters because invitation and "this wasn't me" links carry tokens in the path.
    { key: "Referrer-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
  ];
  // One year, as ASVS 14.4.5 asks. Browsers ignore it over plain HTTP, so a local production run
  // on http://127.0.0.1 is unaffected; development never sends it so localhost is never pinned.
  if (production)
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  return headers;
}
