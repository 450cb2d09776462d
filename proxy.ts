// Two fast redirects, nothing more:
// - visitors without a valid session cookie go from the console to sign-in first. This is a
//   convenience, not the security boundary: every console page, action and route handler
//   authorises itself with requireStaff(), which also checks the session against the database;
// - a public scam report too large to be a real one goes back to the form with a clear message,
//   instead of reaching Next's server-action body limit (which answers with a 500).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

/**
 * The longest page address kept as the return path after sign-in. A longer one (a crafted query
 * string) is cut back to the page itself, or dropped: encoded once more into the Location header it
 * would pass the 8-16 kB header limits of clients and proxies, which then fail the whole response.
 */
const MAX_NEXT_LENGTH = 1_024;

/** The biggest honest report (10,000-character story, every field full) is far below this. */
const REPORT_MAX_BODY_BYTES = 256 * 1024;

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === "/report") {
    if (request.method !== "POST") return NextResponse.next();
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    // Browsers always send a length with a form; a body without one is treated as too large.
    if (Number.isFinite(length) && length <= REPORT_MAX_BODY_BYTES) return NextResponse.next();
    return NextResponse.redirect(new URL("/report?problem=too-large", request.url), 303);
  }
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token?.sid) return NextResponse.next();
  const signIn = new URL("/console/sign-in", request.url);
  const next = [request.nextUrl.pathname + request.nextUrl.search, request.nextUrl.pathname].find((path) => path.length <= MAX_NEXT_LENGTH);
  if (next) signIn.searchParams.set("next", next);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/console", "/console/((?!sign-in).*)", "/report"],
};
