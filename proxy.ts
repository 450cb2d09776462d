// Runs before every page (not before static files or API routes). Four small jobs, nothing more:
// - a POST to a page (a server action) from another site is refused with a 403. Next would refuse
//   it too, after the body is read, but with a 500; this says what happened, earlier;
// - the Content Security Policy: a fresh nonce for pages rendered per request, the static policy
//   for the help center (lib/http/security-headers.ts explains both). Next reads the nonce from the
//   request's Content-Security-Policy header and puts it on every script it renders;
// - visitors without a valid session cookie go from the console to sign-in first. This is a
//   convenience, not the security boundary: every console page, action and route handler
//   authorises itself with requireStaff(), which also checks the session against the database;
// - a public scam report too large to be a real one goes back to the form with a clear message,
//   instead of reaching Next's server-action body limit (which answers with a 500);
// - any other server action whose body our pages could not have sent (malformed, too deep, over
//   1 MB) is refused with a 400 or 413 before Next's decoder fails on it with a 500
//   (lib/http/action-payload.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { actionPayloadProblem } from "@/lib/http/action-payload";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/cross-site";
import { log } from "@/lib/log";
import { newNonce, noncePolicy, staticPolicy, usesNoncePolicy } from "@/lib/http/security-headers";
import { env } from "@/lib/env";

/**
 * The longest page address kept as the return path after sign-in. A longer one (a crafted query
 * string) is cut back to the page itself, or dropped: encoded once more into the Location header it
 * would pass the 8-16 kB header limits of clients and proxies, which then fail the whole response.
 */
const MAX_NEXT_LENGTH = 1_024;

/** The biggest honest report (10,000-character story, every field full) is far below this. */
const REPORT_MAX_BODY_BYTES = 256 * 1024;

const development = env().NODE_ENV === "development";

function isConsolePage(pathname: string): boolean {
  return (
    (pathname === "/console" || pathname.startsWith("/console/")) && !pathname.startsWith("/console/sign-in")
  );
}

async function redirectInstead(request: NextRequest): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  if (pathname === "/report" && request.method === "POST") {
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    // Browsers always send a length with a form; a body without one is treated as too large.
    if (Number.isFinite(length) && length <= REPORT_MAX_BODY_BYTES) return null;
    return NextResponse.redirect(new URL("/report?problem=too-large", request.url), 303);
  }
  if (!isConsolePage(pathname)) return null;
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  if (token?.sid) return null;
  const signIn = new URL("/console/sign-in", request.url);
  const next = [pathname + request.nextUrl.search, pathname].find((path) => path.length <= MAX_NEXT_LENGTH);
  if (next) signIn.searchParams.set("next", next);
  return NextResponse.redirect(signIn);
}

export async function proxy(request: NextRequest) {
  if (request.method === "POST" && isCrossSiteRequest(request)) {
    log.warn("server_action.cross_site_refused", {
      path: request.nextUrl.pathname,
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
    });
    return crossSiteRefusal();
  }
  const redirect = await redirectInstead(request);
  if (redirect) return redirect;
  if (request.method === "POST" && request.headers.has("next-action")) {
    const problem = await actionPayloadProblem(request);
    if (problem) {
      log.warn("server_action.payload_refused", {
        path: request.nextUrl.pathname,
        status: problem.status,
        reason: problem.reason,
      });
      return Response.json(
        { type: "about:blank", title: "Bad request", status: problem.status, detail: problem.reason },
        {
          status: problem.status,
          headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
        },
      );
    }
  }

  // Every page gets a fresh nonce in the request, where Next reads it for the scripts it renders;
  // the help center's static pages have none to mark, and its policy adds 'self' for its own file.
  const nonce = newNonce();
  const policy = usesNoncePolicy(request.nextUrl.pathname)
    ? noncePolicy(nonce, { development })
    : staticPolicy(nonce, { development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON, CSV or files, and static assets need no policy of their own.
  matcher: [
    "/((?!api/|_next/static/|_next/image|search-index\\.json|icon\\.svg|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)",
  ],
};
