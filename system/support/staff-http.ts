// Staff sign-in and console access over plain HTTP, against any instance. Every call names the
// client address it claims (X-Forwarded-For; the instances run with TRUST_PROXY=1, as behind one
// load balancer), so each test has per-address limits of its own.
import { CookieJar } from "../../e2e/support/http-session";

export type SignInAttempt = { email: string; password: string; code: string };
export type SignInOutcome = { ok: true; jar: CookieJar } | { ok: false; message: string };

export async function attemptSignIn(
  baseURL: string,
  attempt: SignInAttempt,
  ip: string,
): Promise<SignInOutcome> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/staff`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      "x-forwarded-for": ip,
    },
    body: new URLSearchParams({ csrfToken, ...attempt, json: "true" }),
  });
  jar.store(response);
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url, baseURL).searchParams.get("error");
  return error === null ? { ok: true, jar } : { ok: false, message: error };
}

/**
 * What the console answers this cookie: "signed-in", or where it redirects (the sign-in page with
 * its reason). The account page reads the session row on every request (lib/auth/current-staff.ts).
 */
export async function consoleAccess(baseURL: string, jar: CookieJar): Promise<string> {
  const response = await fetch(`${baseURL}/console/account`, {
    redirect: "manual",
    headers: { cookie: jar.header() },
  });
  if (response.status === 200) return "signed-in";
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location) {
    const target = new URL(location, baseURL);
    return `${target.pathname}${target.search}`;
  }
  throw new Error(`Unexpected answer from /console/account: ${response.status}`);
}
