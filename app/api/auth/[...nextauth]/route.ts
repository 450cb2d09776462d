import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/cross-site";
import { log } from "@/lib/log";

// next-auth's own endpoints (sign-in callback, sign-out, CSRF token, session). They authenticate
// by design; everything they do is limited to the signed-in staff member's own session.
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

// next-auth 4 answers some malformed requests by throwing or with "a problem with the server
// configuration", both a 500 (found by e2e/fuzz-http.spec.ts). The checks below turn them into a
// 400 (or 405) before next-auth sees the request; well-formed requests pass through untouched.

function badRequest(message: string): Response {
  return Response.json({ error: message }, { status: 400, headers: { "Cache-Control": "no-store" } });
}

/** next-auth's own rule for a callback URL: absolute http(s), or a path on this site. */
function isHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** The reason a request would make next-auth fail, or null. */
async function malformed(request: Request): Promise<string | null> {
  const url = new URL(request.url);
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isHttpUrl(callbackUrl, url.origin))
    return "callbackUrl must be a path on this site or an http(s) URL.";
  // next-auth parses JSON bodies of POSTs without catching a syntax error.
  if (request.method === "POST" && (request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return "The body is not valid JSON.";
    }
  }
  return null;
}

/**
 * next-auth's double-submit token already protects sign-in and sign-out; refusing other sites'
 * posts outright also stops login CSRF (signing a victim into an attacker's account) early.
 */
async function POST(request: Request, context: unknown): Promise<Response> {
  // next-auth's client-side logger posts anything, of any size, to /_log unauthenticated; our
  // client never uses it, so nobody may write into the server log through it.
  if (new URL(request.url).pathname === "/api/auth/_log") return new Response(null, { status: 404 });
  if (isCrossSiteRequest(request)) {
    log.warn("auth.cross_site_refused", {
      path: new URL(request.url).pathname,
      origin: request.headers.get("origin"),
    });
    return crossSiteRefusal();
  }
  const problem = await malformed(request);
  return problem ? badRequest(problem) : handler(request, context);
}

async function GET(request: Request, context: unknown): Promise<Response> {
  // The Credentials providers (password, passkey) sign in by POST; next-auth throws on a GET
  // ("Callback for provider type credentials not supported"). Single sign-on's callback is a GET:
  // the identity provider redirects the browser there with the code.
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/api/auth/callback/") && pathname !== "/api/auth/callback/sso") {
    return new Response("Sign in with POST.", {
      status: 405,
      headers: { Allow: "POST", "Cache-Control": "no-store" },
    });
  }
  const problem = await malformed(request);
  return problem ? badRequest(problem) : handler(request, context);
}

export { GET, POST };
