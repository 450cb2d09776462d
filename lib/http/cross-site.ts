// Cross-site request refusal for browser-facing route handlers (ASVS 4.2.2 / 50.4 CSRF).
//
// Server actions are covered by Next itself: it compares the Origin header with the Host (or
// X-Forwarded-Host) and refuses a mismatch (docs/operations.md says how to allow a proxy's host).
// Route handlers get no such check, so the ones a browser reaches with our cookies, or that a
// hostile page could make a visitor's browser post to, call this first:
// - Sec-Fetch-Site (sent by every current browser) must be same-origin, or none (typed URL,
//   bookmark); same-site and cross-site are refused;
// - otherwise, an Origin header, when present, must be our own origin (the request's, or APP_URL's
//   behind a proxy that rewrites the host);
// - a request with neither comes from a non-browser client, which cannot carry a victim's cookies
//   or be steered by another site, so it passes.
// The ingest API is not browser-facing: it takes an API key and no cookie.

function trustedOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  for (const configured of [process.env.APP_URL, process.env.NEXTAUTH_URL]) {
    if (!configured) continue;
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // A malformed setting is reported at start-up elsewhere; it must not make requests fail here.
    }
  }
  return origins;
}

export function isCrossSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return !trustedOrigins(request).has(origin);
}

/** 403 in the problem+json shape the other API errors use; says what happened, reveals nothing. */
export function crossSiteRefusal(): Response {
  return Response.json(
    { type: "about:blank", title: "Cross-site request refused", status: 403, detail: "This request must come from the desk's own pages." },
    { status: 403, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
  );
}
