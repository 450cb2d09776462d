import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/cross-site";
import { log } from "@/lib/log";

// next-auth's own endpoints (sign-in callback, sign-out, CSRF token, session). They authenticate
// by design; everything they do is limited to the signed-in staff member's own session.
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

export { handler as GET };

/**
 * next-auth's double-submit token already protects sign-in and sign-out; refusing other sites'
 * posts outright also stops login CSRF (signing a victim into an attacker's account) early.
 */
export async function POST(request: Request, context: unknown): Promise<Response> {
  if (isCrossSiteRequest(request)) {
    log.warn("auth.cross_site_refused", { path: new URL(request.url).pathname, origin: request.headers.get("origin") });
    return crossSiteRefusal();
  }
  return handler(request, context);
}
