// Hostile sign-in traffic is refused cleanly: no session, no 500.
import { expect, test } from "./support/test";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { signInOverHttp } from "./support/http-session";
import { totpCode } from "./support/totp";

test("a sign-in POST without the CSRF token creates no session", async ({ baseURL }) => {
  const staff = DEMO_STAFF.agent2;
  const response = await fetch(`${baseURL}/api/auth/callback/staff`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: staff.email,
      password: staff.password,
      code: await totpCode(staff.totpSecret),
      json: "true",
    }),
  });
  expect(response.status).toBeLessThan(500);
  const cookies = response.headers.getSetCookie().join(";");
  expect(cookies).not.toContain("session-token");
});

test("a tampered session token is treated as signed out", async ({ baseURL }) => {
  const jar = await signInOverHttp(baseURL ?? "", DEMO_STAFF.agent2);
  const cookie = jar.header();
  const token = /next-auth\.session-token=([^;]+)/.exec(cookie)?.[1] ?? "";
  expect(token.length).toBeGreaterThan(20);
  // Flip characters in the middle of the encrypted token.
  const middle = Math.floor(token.length / 2);
  const tampered = cookie.replace(
    token,
    `${token.slice(0, middle)}${token[middle] === "A" ? "B" : "A"}${token.slice(middle + 1)}`,
  );

  const page = await fetch(`${baseURL}/console`, { redirect: "manual", headers: { cookie: tampered } });
  expect(page.status).toBe(307);
  expect(page.headers.get("location")).toContain("/console/sign-in");
  const session = await fetch(`${baseURL}/api/auth/session`, { headers: { cookie: tampered } });
  expect(session.status).toBe(200);
  expect(await session.json()).toEqual({});
  // The untouched token still works.
  expect((await fetch(`${baseURL}/console`, { redirect: "manual", headers: { cookie } })).status).toBe(200);
});
