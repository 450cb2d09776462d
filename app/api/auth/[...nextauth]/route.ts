import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

// next-auth's own endpoints (sign-in callback, sign-out, CSRF token, session). They authenticate
// by design; everything they do is limited to the signed-in staff member's own session.
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

/**
 * The only provider is Credentials, whose callback signs in by POST. next-auth answers a GET to it
 * by throwing ("Callback for provider type credentials not supported"), which became a 500.
 */
function GET(request: Request, context: unknown): Promise<Response> {
  if (new URL(request.url).pathname.startsWith("/api/auth/callback/")) {
    return Promise.resolve(new Response("Sign in with POST.", { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } }));
  }
  return handler(request, context);
}

export { GET, handler as POST };
