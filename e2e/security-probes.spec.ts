// The findings of the security review (issue 13), probed over HTTP and in the browser against the
// production build, as an attacker would. The end-to-end server runs behind a pretend load
// balancer (TRUST_PROXY=1), so a request's X-Forwarded-For plays the client's address.
import { expect, test } from "./support/test";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { signInOverHttp } from "./support/http-session";
import { signIn } from "./support/staff";

let address = 0;
const newAddress = () => `198.51.${100 + (process.pid % 50)}.${++address}`;

async function wrongPassword(baseURL: string, email: string, ip: string): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/staff`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": ip },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: "a guess that is wrong",
      code: "000000",
      json: "true",
    }),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url, baseURL).searchParams.get("error") ?? "signed in";
}

test("twenty wrong passwords from twenty addresses do not keep the owner out", async ({ page, baseURL }) => {
  // Two sign-ins as the same person: each may wait up to 30 s for an authenticator code not used yet.
  test.setTimeout(150_000);
  const admin = DEMO_STAFF.admin;
  // The owner's own browser has signed in before.
  await signIn(page, admin);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/console\/sign-in/);

  for (let n = 0; n < 20; n++) {
    expect(await wrongPassword(baseURL ?? "", admin.email, newAddress())).toBe(
      "The email, password or code is not right. Check them and try again.",
    );
  }
  const locked = await withE2eDatabase((db) =>
    db.query<{ locked: boolean }>(
      "SELECT locked_until > now() IS TRUE AS locked FROM staff_users WHERE email = $1",
      [admin.email],
    ),
  );
  expect(locked.rows[0]?.locked).toBe(false);

  await signIn(page, admin);
  await expect(page.getByTestId("whoami")).toContainText(admin.email);
});

test("next-auth's own sign-out endpoint ends the session on the server, not only the cookie", async ({
  baseURL,
}) => {
  const base = baseURL ?? "";
  const jar = await signInOverHttp(base, DEMO_STAFF.supervisor);
  const copied = jar.header();
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: copied } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signOut = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: copied,
      "sec-fetch-site": "same-origin",
    },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/console/sign-in", json: "true" }),
  });
  expect(signOut.status).toBeLessThan(400);
  const { url } = (await signOut.json()) as { url: string };
  // The sign-out redirect names the configured public address.
  expect(url.startsWith(base)).toBe(true);
  // The cookie copied before sign-out no longer opens the console.
  const console = await fetch(`${base}/console/account`, { redirect: "manual", headers: { cookie: copied } });
  expect(console.status).toBe(307);
  expect(console.headers.get("location")).toMatch(/\/console\/sign-in\?reason=revoked/);
});

test("next-auth's client logger endpoint writes nothing", async ({ baseURL }) => {
  const response = await fetch(`${baseURL}/api/auth/_log`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ level: "error", code: "x".repeat(100_000) }),
  });
  expect(response.status).toBe(404);
});

test("malformed server action payloads are refused with 400/413, never a 500", async ({ baseURL }) => {
  const base = baseURL ?? "";
  const manifest = (await import("node:fs")).readFileSync(
    ".next/server/server-reference-manifest.json",
    "utf8",
  );
  const ids = Object.entries(
    (JSON.parse(manifest) as { node: Record<string, { exportedName: string }> }).node,
  );
  const actionId = (name: string) => ids.find(([, entry]) => entry.exportedName === name)?.[0] ?? "";
  const bodies: [string, number][] = [
    ['[{"a":', 400],
    [`${"[".repeat(5_000)}${"]".repeat(5_000)}`, 400],
    ['["$Q1"]', 400],
    [`["${"x".repeat(1_100_000)}"]`, 413],
  ];
  for (const [path, action] of [
    ["/setup", "setUpFirstAdmin"],
    ["/report", "submitScamReport"],
    ["/not-me/x", "confirmNotMe"],
    ["/verify/x", "answerVerification"],
  ] as const) {
    for (const [body, status] of bodies) {
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "next-action": actionId(action),
          "content-type": "text/plain;charset=UTF-8",
          origin: base,
          "x-forwarded-for": newAddress(),
        },
        body,
      });
      await response.arrayBuffer();
      expect(response.status, `${path} ${body.slice(0, 12)}`).toBe(
        path === "/report" && status === 413 ? 303 : status,
      );
    }
  }
});

test("a link from another site cannot write its words into an agent's search audit", async ({ baseURL }) => {
  const base = baseURL ?? "";
  const jar = await signInOverHttp(base, DEMO_STAFF.agent);
  const marker = `cross-site-reason-${Date.now()}`;
  for (const fetchSite of ["cross-site", "same-origin"]) {
    const response = await fetch(`${base}/console/customers?q=olivia&reason=${marker}-${fetchSite}`, {
      headers: { cookie: jar.header(), "sec-fetch-site": fetchSite },
    });
    expect(response.status).toBe(200);
  }
  const reasons = await withE2eDatabase((db) =>
    db.query<{ reason: string | null }>(
      "SELECT reason FROM audit_events WHERE action = 'customer.searched' AND reason LIKE $1",
      [`${marker}%`],
    ),
  );
  expect(reasons.rows.map((row) => row.reason)).toEqual([`${marker}-same-origin`]);
});

test("an address over 8 KB is refused with 414 before Next can echo it into a redirect", async ({
  baseURL,
}) => {
  // Found by the page-parameter fuzzer: `//` in a path is redirected with the whole query in
  // Location, and a 9,000-character query made response headers too large for Node's own fetch.
  const long = await fetch(`${baseURL}/console/customers//attempts/?q=${"%3C".repeat(3_000)}`, {
    redirect: "manual",
  });
  expect(long.status).toBe(414);
  expect(await long.json()).toMatchObject({ status: 414, title: "URI Too Long" });
  const fine = await fetch(`${baseURL}/console/customers//attempts/?q=${"%3C".repeat(1_000)}`, {
    redirect: "manual",
  });
  expect(fine.status).toBe(308);
});
