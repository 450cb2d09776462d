// Two production instances on two ports against one PostgreSQL, as behind a load balancer (issue
// #8, item 3). Everything one instance decides about security must hold on the other: a TOTP step
// is usable once across both, failures add up to one lockout, the per-address sign-in throttle and
// the per-key ingest limit are one budget, a revoked session is refused everywhere, and a form
// rendered by one instance can be submitted to the other (docs/running-several-instances.md), and a
// passkey challenge issued by one is answered on the other (issue #16), once.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEMO_STAFF, type DemoStaff } from "../scripts/demo-data/stories";
import { callServerAction, CookieJar } from "../e2e/support/http-session";
import { SoftwareAuthenticator } from "../test/support/software-authenticator";
import { totpCode, waitForNextStep } from "../e2e/support/totp";
import { createIngestKey, startCluster, type Cluster } from "./support/cluster";
import { findForm, hiddenFields } from "./support/html-form";
import { makeEvents, postBatch } from "./support/ingest-client";
import type { NextInstance } from "./support/next-instance";
import { attemptSignIn, consoleAccess } from "./support/staff-http";

const FIRST_PORT = Number(process.env.SYSTEM_TEST_PORT ?? 3300);
// Low limits, so the tests reach them in a few requests.
const SIGN_IN_IP_LIMIT = 8;
const INGEST_LIMIT_PER_MINUTE = 10;
const GENERIC_FAILURE = "The email, password or code is not right";

let cluster: Cluster;
let a: NextInstance;
let b: NextInstance;

beforeAll(async () => {
  cluster = await startCluster({
    dataDir: ".data/cluster",
    firstPort: FIRST_PORT,
    instances: 2,
    env: {
      SIGN_IN_IP_LIMIT: String(SIGN_IN_IP_LIMIT),
      INGEST_RATE_LIMIT_PER_MINUTE: String(INGEST_LIMIT_PER_MINUTE),
    },
  });
  [a, b] = cluster.instances as [NextInstance, NextInstance];
});

afterAll(async () => {
  await cluster?.stop();
});

/** Signs in with a valid code, waiting for a fresh step if this staff member already used this one. */
async function signIn(
  instance: NextInstance,
  staff: DemoStaff,
  ip: string,
  stepOffset = 0,
): Promise<CookieJar> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await attemptSignIn(
      instance.baseURL,
      { email: staff.email, password: staff.password, code: await totpCode(staff.totpSecret, stepOffset) },
      ip,
    );
    if (outcome.ok) return outcome.jar;
    if (!outcome.message.includes("already been used")) throw new Error(`Sign-in failed: ${outcome.message}`);
    await waitForNextStep();
  }
  throw new Error(`Could not sign in as ${staff.email}`);
}

async function latestSessionId(email: string): Promise<string> {
  const [row] = await cluster.database.query<{ id: string }>(
    `SELECT s.id FROM staff_sessions s JOIN staff_users u ON u.id = s.staff_id
      WHERE u.email = $1 AND s.revoked_at IS NULL ORDER BY s.created_at DESC LIMIT 1`,
    [email],
  );
  if (!row) throw new Error(`No open session for ${email}`);
  return row.id;
}

function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`No server action ${exportedName} in the build`);
  return entry[0];
}

test("a TOTP code accepted by one instance is refused by the other", async () => {
  const agent = DEMO_STAFF.agent;
  const ip = "198.51.100.1";
  const code = await totpCode(agent.totpSecret);

  const onA = await attemptSignIn(a.baseURL, { email: agent.email, password: agent.password, code }, ip);
  expect(onA.ok).toBe(true);
  const replayOnB = await attemptSignIn(
    b.baseURL,
    { email: agent.email, password: agent.password, code },
    ip,
  );
  expect(replayOnB).toEqual({ ok: false, message: expect.stringContaining("already been used") });

  // B refuses the replay, not everything: the next step's code signs in there.
  const nextOnB = await attemptSignIn(
    b.baseURL,
    { email: agent.email, password: agent.password, code: await totpCode(agent.totpSecret, 1) },
    ip,
  );
  expect(nextOnB.ok).toBe(true);
});

test("wrong second factors on both instances add up to one lock; wrong passwords never lock", async () => {
  const supervisor = DEMO_STAFF.supervisor;
  const ip = "198.51.100.2";
  const validCodes = await Promise.all([-1, 0, 1].map((offset) => totpCode(supervisor.totpSecret, offset)));
  const wrongCode =
    ["000000", "111111", "222222", "333333"].find((candidate) => !validCodes.includes(candidate)) ?? "000000";
  const wrongTotp = { email: supervisor.email, password: supervisor.password, code: wrongCode };

  // Wrong passwords from many addresses, on both instances: slowed down, never a lock.
  for (let n = 0; n < 6; n++) {
    const outcome = await attemptSignIn(
      (n % 2 ? a : b).baseURL,
      { email: supervisor.email, password: `not-the-passphrase-${n}`, code: validCodes[1] ?? "" },
      `198.51.100.${40 + n}`,
    );
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining(GENERIC_FAILURE) });
  }

  // Four wrong codes after the right password, two on each instance: none locks (the fifth does).
  for (const instance of [a, b, a, b]) {
    expect(await attemptSignIn(instance.baseURL, wrongTotp, ip)).toEqual({
      ok: false,
      message: expect.stringContaining(GENERIC_FAILURE),
    });
  }
  expect(await attemptSignIn(a.baseURL, wrongTotp, ip)).toEqual({
    ok: false,
    message: expect.stringContaining("This account is locked"),
  });

  // The right password and a valid code do not get past the lock on the other instance.
  const right = {
    email: supervisor.email,
    password: supervisor.password,
    code: await totpCode(supervisor.totpSecret),
  };
  expect(await attemptSignIn(b.baseURL, right, ip)).toEqual({
    ok: false,
    message: expect.stringContaining("This account is locked"),
  });

  const [row] = await cluster.database.query<{ locked: boolean; alerts: number }>(
    `SELECT locked_until > now() AS locked,
            (SELECT count(*)::int FROM notifications WHERE template = 'staff-locked' AND destination = $1) AS alerts
     FROM staff_users WHERE email = $1`,
    [supervisor.email],
  );
  expect(row).toEqual({ locked: true, alerts: 1 });
});

test("the per-address sign-in throttle is one budget across instances", async () => {
  const ip = "198.51.100.3";
  const attempt = (n: number) => ({
    email: `nobody-${n}@desk.example`,
    password: "a-password-that-is-wrong",
    code: "123456",
  });

  for (let n = 0; n < SIGN_IN_IP_LIMIT; n++) {
    const instance = n % 2 === 0 ? a : b;
    expect(await attemptSignIn(instance.baseURL, attempt(n), ip)).toEqual({
      ok: false,
      message: expect.stringContaining(GENERIC_FAILURE),
    });
  }
  // The budget is spent half on each instance; both refuse the next attempt.
  for (const instance of [a, b]) {
    expect(await attemptSignIn(instance.baseURL, attempt(99), ip)).toEqual({
      ok: false,
      message: expect.stringContaining("Too many sign-in attempts from this network"),
    });
  }
  // Per address: another client is not throttled.
  expect(await attemptSignIn(b.baseURL, attempt(100), "198.51.100.4")).toEqual({
    ok: false,
    message: expect.stringContaining(GENERIC_FAILURE),
  });
});

test("the ingest rate limit of a key is one budget across instances", async () => {
  const { key } = await createIngestKey(cluster.database, "Cluster rate-limit test");
  for (let n = 0; n < INGEST_LIMIT_PER_MINUTE; n++) {
    const instance = n % 2 === 0 ? a : b;
    expect((await postBatch(instance.baseURL, key, makeEvents(`cluster-rate-${n}`, 2))).status).toBe(200);
  }
  for (const instance of [a, b]) {
    const refused = await postBatch(
      instance.baseURL,
      key,
      makeEvents(`cluster-rate-over-${instance.name}`, 2),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  }
  const [stored] = await cluster.database.query<{ count: string }>(
    `SELECT (SELECT count(*) FROM login_attempts WHERE event_id LIKE 'cluster-rate-%')
          + (SELECT count(*) FROM otp_deliveries WHERE event_id LIKE 'cluster-rate-%') AS count`,
  );
  expect(Number(stored?.count)).toBe(INGEST_LIMIT_PER_MINUTE * 2);
});

test("a session ended on one instance is refused on the other", async () => {
  const admin = DEMO_STAFF.admin;
  const ip = "198.51.100.5";
  const jarA = await signIn(a, admin, ip);
  const jarB = await signIn(b, admin, ip, 1);
  const sessionB = await latestSessionId(admin.email);
  // A session is not tied to the instance that started it.
  expect(await consoleAccess(b.baseURL, jarA)).toBe("signed-in");
  expect(await consoleAccess(a.baseURL, jarB)).toBe("signed-in");

  // On A, the admin ends the session that was started on B (the account page's "End session").
  const formData = new FormData();
  formData.set("sessionId", sessionB);
  const ended = await callServerAction(
    a.baseURL,
    "/console/account",
    serverActionId("revokeSessionAction"),
    jarA,
    [{ status: "idle" }, formData],
  );
  expect(ended.status).toBe(200);
  expect(ended.body).toContain("Session ended.");

  expect(await consoleAccess(b.baseURL, jarB)).toBe("/console/sign-in?reason=revoked");
  expect(await consoleAccess(a.baseURL, jarB)).toBe("/console/sign-in?reason=revoked");
  expect(await consoleAccess(b.baseURL, jarA)).toBe("signed-in");
});

test("a form rendered by one instance is accepted by the other, without JavaScript", async () => {
  // The public scam-report form: useActionState with React's `$ACTION_…` fields and a timing token
  // signed with NEXTAUTH_SECRET, all rendered by A.
  const ip = "198.51.100.6";
  const page = await fetch(`${a.baseURL}/report`, { headers: { "x-forwarded-for": ip } });
  expect(page.status).toBe(200);
  const form = findForm(await page.text(), 'aria-label="Report a scam"');
  const hidden = hiddenFields(form);
  expect(hidden.map(([name]) => name)).toEqual(
    expect.arrayContaining(["formToken", expect.stringMatching(/^\$ACTION_/)]),
  );

  const story = `Cluster test ${Date.now()}: a caller said he was from the bank and asked me to read out a code.`;
  const body = new FormData();
  for (const [name, value] of hidden) body.append(name, value);
  body.set("website", "");
  body.set("channel", "CALL");
  body.set("contact", "020 7946 0999");
  body.set("contactedAt", new Date(Date.now() - 86_400_000).toISOString().slice(0, 16));
  body.set("timeZone", "UTC");
  body.append("asks", "ONE_TIME_CODE");
  body.set("shared", "no");
  body.set("story", story);
  // The form refuses submissions faster than a person could fill it in (3 s).
  await new Promise((resolve) => setTimeout(resolve, 3_500));

  // Posted to B as a browser without JavaScript posts it (behind a load balancer, Origin is the public host).
  const submitted = await fetch(`${b.baseURL}/report`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: b.baseURL, "x-forwarded-for": ip },
    body,
  });
  expect(submitted.status).toBe(303);
  expect(submitted.headers.get("location")).toMatch(/^\/report\/sent/);
  const reports = await cluster.database.query<{ story: string }>(
    "SELECT story FROM scam_reports WHERE story = $1",
    [story],
  );
  expect(reports).toHaveLength(1);

  // A plain server-action form of the console ("Sign out everywhere", `$ACTION_ID_…`), rendered by
  // A for a signed-in agent and posted to B: B runs it, and the session is over on A as well.
  const jar = await signIn(a, DEMO_STAFF.agent2, "198.51.100.7");
  const account = await fetch(`${a.baseURL}/console/account`, { headers: { cookie: jar.header() } });
  const signOutForm = findForm(await account.text(), "Sign out everywhere");
  const signOutFields = hiddenFields(signOutForm);
  expect(signOutFields.map(([name]) => name)).toEqual([expect.stringMatching(/^\$ACTION_ID_/)]);
  const signOutBody = new FormData();
  for (const [name, value] of signOutFields) signOutBody.append(name, value);
  const signedOut = await fetch(`${b.baseURL}/console/account`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: b.baseURL, cookie: jar.header() },
    body: signOutBody,
  });
  expect(signedOut.status).toBe(303);
  expect(signedOut.headers.get("location")).toContain("/console/sign-in?reason=signed-out-everywhere");
  expect(await consoleAccess(a.baseURL, jar)).toBe("/console/sign-in?reason=revoked");
});

test("a passkey challenge issued by one instance is answered on the other, once", async () => {
  // Both instances serve one public address (APP_URL), so passkeys have one relying party: a
  // loopback address is served to them as localhost (lib/auth/passkey-relying-party.ts).
  const ceremony = { origin: `http://localhost:${FIRST_PORT}`, rpId: "localhost" };
  const challengeIn = (body: string) => /"challenge":"([A-Za-z0-9_-]+)"/.exec(body)?.[1] ?? "";
  const authenticator = SoftwareAuthenticator.create();
  const jar = await signIn(a, DEMO_STAFF.agent, "198.51.100.8");

  // Enrolment: the challenge from A, the answer verified and stored by B.
  const start = new FormData();
  start.set("name", "Cluster key");
  const options = await callServerAction(
    a.baseURL,
    "/console/account",
    serverActionId("startPasskeyEnrolmentAction"),
    jar,
    [{ status: "idle" }, start],
  );
  const enrolmentChallenge = challengeIn(options.body);
  expect(enrolmentChallenge).not.toBe("");
  const finish = new FormData();
  finish.set("name", "Cluster key");
  finish.set(
    "response",
    JSON.stringify(authenticator.register({ challenge: enrolmentChallenge, ...ceremony })),
  );
  const enrolled = await callServerAction(
    b.baseURL,
    "/console/account",
    serverActionId("enrolPasskeyAction"),
    jar,
    [{ status: "idle" }, finish],
  );
  expect(enrolled.body).toContain("Passkey “Cluster key” added");

  // Sign-in: the challenge from B, the answer accepted by A; the same answer on B again is refused.
  const signInOptions = await callServerAction(
    b.baseURL,
    "/console/sign-in",
    serverActionId("startPasskeySignInAction"),
    null,
  );
  const answer = authenticator.assert({ challenge: challengeIn(signInOptions.body), ...ceremony });
  const onA = await passkeySignIn(a, answer, "198.51.100.8");
  expect(onA.error).toBeNull();
  expect(await consoleAccess(a.baseURL, onA.jar)).toBe("signed-in");
  const replayOnB = await passkeySignIn(b, answer, "198.51.100.8");
  expect(replayOnB.error).toMatch(/expired or was already used/);
});

/** next-auth's passkey provider, as the sign-in page posts to it. */
async function passkeySignIn(
  instance: NextInstance,
  response: unknown,
  ip: string,
): Promise<{ error: string | null; jar: CookieJar }> {
  const jar = new CookieJar();
  const csrf = await fetch(`${instance.baseURL}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${instance.baseURL}/api/auth/callback/passkey`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      "x-forwarded-for": ip,
    },
    body: new URLSearchParams({ csrfToken, response: JSON.stringify(response), json: "true" }),
  });
  jar.store(answer);
  const { url } = (await answer.json()) as { url: string };
  return { error: new URL(url, instance.baseURL).searchParams.get("error"), jar };
}
