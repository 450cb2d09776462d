// next-auth configuration: two Credentials providers, password + TOTP (signInStaff) and a passkey
// (signInStaffWithPasskey), and the company's OpenID provider when SSO_* is set
// (signInStaffWithSso); the JWT carries only
// the staff id, the server-side session row id and the session version. Every request re-checks
// those against PostgreSQL (lib/auth/current-staff.ts), so revocation is immediate everywhere.
import "server-only";
import { appUrl, env } from "@/lib/env";
import { decode } from "next-auth/jwt";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { cookies, headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { SESSION_ABSOLUTE_MS } from "./session-policy";
import { knownDeviceCookie, knownDeviceCookieName, knownDeviceStaffId } from "./known-device";
import { endSessionAtSignOut } from "./sessions";
import { signInStaffWithPasskey } from "./passkey-sign-in";
import { signInStaff, type SignInContext, type SignInResult } from "./sign-in";
import { ssoSettings, type SsoSettings } from "./sso-config";
import { signInStaffWithSso, type SsoRefusal } from "./sso-sign-in";

declare module "next-auth" {
  interface User {
    id: string;
    sessionId: string;
    sessionVersion: number;
  }
  interface Session {
    staffId: string;
    sessionId: string;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}

function headerSource(headers: Record<string, unknown> | undefined) {
  return {
    get(name: string): string | null {
      const value = headers?.[name.toLowerCase()];
      return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : null;
    },
  };
}

/** What the sign-in form says when the failure is ours (database unreachable, a bug), not the user's. */
export const SIGN_IN_UNAVAILABLE = "Sign-in is not available right now. Try again in a minute.";

/**
 * The Credentials provider's check. next-auth hands a thrown message to the sign-in form as
 * `error`, which shows it as it is: fine for signInStaff's own messages, but an unexpected error
 * (a database outage) carries the driver's text, with the database's address. That one is logged
 * and the form gets a generic message instead.
 */
export async function authorizeStaff(
  credentials: Record<"email" | "password" | "code", string> | undefined,
  req: { headers?: Record<string, unknown> },
): Promise<User> {
  return authorizeWith(req, (context) =>
    signInStaff(
      { email: credentials?.email, password: credentials?.password, code: credentials?.code },
      context,
    ),
  );
}

/** The passkey provider's check: the browser's WebAuthn answer, as JSON text (lib/auth/passkey-sign-in.ts). */
export async function authorizePasskey(
  credentials: Record<"response", string> | undefined,
  req: { headers?: Record<string, unknown> },
): Promise<User> {
  return authorizeWith(req, (context) =>
    signInStaffWithPasskey({ response: credentials?.response }, context),
  );
}

async function authorizeWith(
  req: { headers?: Record<string, unknown> },
  signIn: (context: SignInContext) => Promise<SignInResult>,
): Promise<User> {
  const headers = headerSource(req.headers);
  let result: SignInResult;
  try {
    result = await signIn({
      ip: clientIp(headers),
      userAgent: headers.get("user-agent"),
      knownDeviceStaffId: knownDeviceStaffId(cookieValue(headers.get("cookie"), knownDeviceCookieName())),
    });
  } catch (error) {
    log.error("sign_in.unavailable", { error });
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
  if (!result.ok) throw new Error(result.message);
  // Remembered so that strangers guessing this account's password never slow this browser down.
  const device = knownDeviceCookie(result.staffId);
  (await cookies()).set(device.name, device.value, device.options);
  return { id: result.staffId, sessionId: result.sessionId, sessionVersion: result.sessionVersion };
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/**
 * The company's identity provider (OpenID Connect, authorization code with PKCE, state and nonce).
 * next-auth and openid-client check the ID token's signature against the IdP's published keys, its
 * issuer, audience, expiry and nonce; what the desk then decides is in lib/auth/sso-sign-in.ts.
 */
function ssoProvider(settings: SsoSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id: "sso",
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // The groups claim only when roles follow groups: some IdPs refuse a scope they do not know.
    authorization: {
      params: { scope: settings.roleGroups ? "openid email profile groups" : "openid email profile" },
    },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // Nothing from the IdP goes into the desk's token: signIn below puts the staff id and the
    // session row there, as for every other method.
    profile: (claims) => ({ id: String(claims.sub), sessionId: "", sessionVersion: -1 }),
  };
}

function ssoProviders(): OAuthConfig<Record<string, unknown>>[] {
  const settings = ssoSettings();
  return settings ? [ssoProvider(settings)] : [];
}

/** Where the sign-in page explains an SSO refusal (lib/auth/sso-sign-in.ts SSO_REFUSALS). */
function ssoRefusalUrl(refusal: SsoRefusal): string {
  return `/console/sign-in?sso=${refusal}`;
}

async function requestContext(): Promise<SignInContext> {
  const source = await headers();
  return { ip: clientIp(source), userAgent: source.get("user-agent") };
}

/**
 * Step-up through the IdP (prompt=login) is a fresh sign-on, which opens a new session row: the one
 * it replaces in this browser, if it was the same staff member's, ends rather than idling on.
 */
async function endSessionReplacedBySignOn(staffId: string): Promise<void> {
  const name = `${appUrl().startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
  const value = (await cookies()).get(name)?.value;
  if (!value) return;
  const token = await decode({ token: value, secret: env().NEXTAUTH_SECRET ?? "" }).catch(() => null);
  if (token?.sub === staffId && token.sid) await endSessionAtSignOut({ sessionId: token.sid, staffId });
}

/** The single sign-on half of next-auth's signIn callback: decide, then name the session row. */
async function signInWithSso(user: User, claims: unknown): Promise<true | string> {
  const settings = ssoSettings();
  if (!settings) return ssoRefusalUrl("failed");
  let result;
  try {
    result = await signInStaffWithSso(claims, await requestContext(), settings);
  } catch (error) {
    log.error("sign_in.unavailable", { error, method: "sso" });
    return ssoRefusalUrl("failed");
  }
  if (!result.ok) return ssoRefusalUrl(result.refusal);
  await endSessionReplacedBySignOn(result.staffId);
  // next-auth hands this same object to the jwt callback, which writes it into the token.
  user.id = result.staffId;
  user.sessionId = result.sessionId;
  user.sessionVersion = result.sessionVersion;
  return true;
}

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  // The cookie lives as long as the absolute lifetime; idle expiry is enforced server-side.
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000, updateAge: 0 },
  jwt: { maxAge: SESSION_ABSOLUTE_MS / 1000 },
  pages: { signIn: "/console/sign-in", error: "/console/sign-in" },
  providers: [
    CredentialsProvider({
      id: "staff",
      name: "Staff sign-in",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Code", type: "text" },
      },
      authorize: authorizeStaff,
    }),
    // A passkey alone (discoverable, user-verified) is a complete sign-in to the same session row.
    CredentialsProvider({
      id: "passkey",
      name: "Passkey",
      credentials: { response: { label: "Passkey answer", type: "text" } },
      authorize: authorizePasskey,
    }),
    ...ssoProviders(),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      return account?.provider === "sso" ? signInWithSso(user, profile) : true;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      // Only what the server needs to find the session row; names and roles come from the database.
      return {
        expires: session.expires,
        staffId: token.sub ?? "",
        sessionId: token.sid ?? "",
        sessionVersion: token.sv ?? -1,
      };
    },
  },
  events: {
    // next-auth's own sign-out endpoint clears the cookie; the server-side session must end too,
    // or a copied cookie would stay valid.
    async signOut({ token }) {
      if (token?.sid && token.sub) await endSessionAtSignOut({ sessionId: token.sid, staffId: token.sub });
    },
  },
  logger: {
    // next-auth logs the credentials-failure message at error level; the message is ours and
    // carries no secret, but the default logger also prints request details. Keep it short.
    error(code, metadata) {
      if (code === "CREDENTIALS_SIGNIN_ERROR") return;
      // For single sign-on, the reason the IdP's answer was refused (openid-client's message: a bad
      // signature, a nonce or state mismatch) is what an operator needs; it names no secret.
      const error =
        metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      log.error("next_auth.error", {
        kind: code,
        ...(error instanceof Error ? { reason: error.message.slice(0, 300) } : {}),
      });
    },
    warn(code) {
      log.warn("next_auth.warning", { kind: code });
    },
    debug() {},
  },
};
