// Signs staff in over HTTP (next-auth's credentials endpoint, with its CSRF token) and calls
// server actions the way a browser does, for tests that probe many endpoints quickly.
import { createRequire } from "node:module";
import { totpCode, waitForNextStep } from "./totp";
import type { Credentials } from "./staff";

const require = createRequire(import.meta.url);
// React's own encoder for server action arguments, as Next's client uses it.
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** stepOffset +1 lets a second session start in the same 30 s (the server accepts ±1 step, each once). */
export async function signInOverHttp(
  baseURL: string,
  staff: Credentials,
  stepOffset = 0,
): Promise<CookieJar> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const jar = new CookieJar();
    const csrf = await fetch(`${baseURL}/api/auth/csrf`);
    jar.store(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${baseURL}/api/auth/callback/staff`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
      body: new URLSearchParams({
        csrfToken,
        email: staff.email,
        password: staff.password,
        code: await totpCode(staff.totpSecret, stepOffset),
        json: "true",
      }),
    });
    jar.store(response);
    const body = (await response.json()) as { url: string };
    if (!body.url.includes("error=")) return jar;
    if (!decodeURIComponent(body.url).includes("already been used"))
      throw new Error(`Sign-in failed: ${decodeURIComponent(body.url)}`);
    await waitForNextStep();
  }
  throw new Error(`Could not sign in as ${staff.email}`);
}

export type ActionResponse = { status: number; location: string | null; body: string };

/** Calls a server action by id, as useActionState would: (previousState, formData). */
export async function callServerAction(
  baseURL: string,
  pagePath: string,
  actionId: string,
  jar: CookieJar | null,
  args: unknown[] = [{ status: "idle" }, new FormData()],
): Promise<ActionResponse> {
  const body = await encodeReply(args);
  const response = await fetch(`${baseURL}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": actionId,
      accept: "text/x-component",
      origin: baseURL,
      ...(jar ? { cookie: jar.header() } : {}),
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
    },
    body,
  });
  return {
    status: response.status,
    location: response.headers.get("location") ?? response.headers.get("x-action-redirect"),
    body: await response.text(),
  };
}
