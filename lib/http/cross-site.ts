// Cross-site request refusal for browser-facing route handlers (ASVS 4.2.2 / 50.4 CSRF).
//
// Server actions are covered by Next itself: it compares the Origin header with the Host (or
// X-Forwarded-Host) and refuses a mismatch (docs/operations.md says how to allow a proxy's host).
// Route handlers get no such check, so the ones a browser reaches with our cookies, or that a
// hostile page could make a visitor's browser post to, call this first:
// - Sec-Fetch-Site (sent by every current browser) must be same-origin, or none (typed URL,
//   bookmark); same-site and cross-site are refused;
// - otherwise, an Origin header, when present, must name the host the request was sent to (Host or
//   X-Forwarded-Host, as Next checks server actions) or APP_URL's;
// - a request with neither comes from a non-browser client, which cannot carry a victim's cookies
//   or be steered by another site, so it passes.
// The ingest API is not browser-facing: it takes an API key and no cookie.
import { appUrl } from "@/lib/env";

/** The hosts this request may come from: the one it was sent to (Host, or X-Forwarded-Host behind
 * a proxy, as Next's own server-action check reads them) and the configured public address. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>([new URL(request.url).host]);
  const sentTo =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (sentTo) hosts.add(sentTo.toLowerCase());
  hosts.add(new URL(appUrl()).host);
  return hosts;
}

export function isCrossSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return !ownHosts(request).has(new URL(origin).host);
  } catch {
    // "null" (sandboxed frames, some redirects) and anything unparsable.
    return true;
  }
}

/** 403 in the problem+json shape the other API errors use; says what happened, reveals nothing. */
export function crossSiteRefusal(): Response {
  return Response.json(
    {
      type: "about:blank",
      title: "Cross-site request refused",
      status: 403,
      detail: "This request must come from the desk's own pages.",
    },
    { status: 403, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
  );
}

/**
 * Whether a page request came from one of our own pages (a form submit, a link click). Browsers set
 * Sec-Fetch-Site and pages cannot forge it, so a link on another site that opens a console page
 * never passes; text from such a request must not be written anywhere in the staff member's name.
 */
export function isOwnPageNavigation(headers: { get(name: string): string | null }): boolean {
  return headers.get("sec-fetch-site") === "same-origin";
}
