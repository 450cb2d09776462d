// Redirects visitors without a valid session cookie away from the console, to sign in first.
// This is a convenience, not the security boundary: every console page, action and route handler
// authorises itself with requireStaff(), which also checks the session against the database.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token?.sid) return NextResponse.next();
  const signIn = new URL("/console/sign-in", request.url);
  signIn.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/console", "/console/((?!sign-in).*)"],
};
