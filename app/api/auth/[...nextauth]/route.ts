import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

// next-auth's own endpoints (sign-in callback, sign-out, CSRF token, session). They authenticate
// by design; everything they do is limited to the signed-in staff member's own session.
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

export { handler as GET, handler as POST };
