// `npm start` is production, started the way the README says (findings 1 and 5 of the security
// review): it refuses to run without its address and secrets; with them it writes no demo data,
// and every link it makes (sitemap, sign-out, cookies) names APP_URL, not localhost.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { onTestProcessEnd } from "./support/cleanup";

const PORT = 3311;
const DATA_DIR = ".data/system-production-start";
const PUBLIC_URL = "https://desk.example.test";
const LOCAL = `http://127.0.0.1:${PORT}`;

/** Only what a deployment sets: the test runner's own variables must not leak in. */
function deploymentEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CI: "1",
    ...extra,
  };
}

const launch = [
  "node_modules/.bin/tsx",
  [
    "scripts/launch.ts",
    "start",
    "--data-dir",
    DATA_DIR,
    "--fresh",
    "--",
    "--port",
    String(PORT),
    "--hostname",
    "127.0.0.1",
  ],
] as const;

test("refuses to start without APP_URL and real secrets, naming each variable", () => {
  const result = spawnSync(launch[0], launch[1], {
    env: deploymentEnv({}),
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("APP_URL: required when NODE_ENV=production");
  expect(result.stderr).toContain("NEXTAUTH_SECRET: required when NODE_ENV=production");
  expect(result.stderr).toContain("TOTP_ENCRYPTION_KEYS: required when NODE_ENV=production");
  const weak = spawnSync(launch[0], launch[1], {
    env: deploymentEnv({
      APP_URL: PUBLIC_URL,
      NEXTAUTH_SECRET: "too-short",
      TOTP_ENCRYPTION_KEYS: process.env.TOTP_ENCRYPTION_KEYS ?? "",
    }),
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(weak.status).toBe(1);
  expect(weak.stderr).toContain("NEXTAUTH_SECRET must be at least 32 characters");
});

let stopServer: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  const child = spawn(launch[0], launch[1], {
    env: deploymentEnv({
      APP_URL: PUBLIC_URL,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      TOTP_ENCRYPTION_KEYS: process.env.TOTP_ENCRYPTION_KEYS ?? "",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const forget = onTestProcessEnd(() => child.pid && process.kill(-child.pid, "SIGKILL"));
  stopServer = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.on("exit", resolve) : resolve(null)));
    forget();
  };
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    const healthy = await fetch(`${LOCAL}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm start did not come up:\n${output}`);
});

afterAll(() => stopServer());

async function query<Row extends pg.QueryResultRow>(sql: string): Promise<Row[]> {
  const root = path.resolve(DATA_DIR);
  const port = readFileSync(path.join(root, "cluster", "postmaster.pid"), "utf8")
    .split("\n")[3]
    ?.trim();
  const password = readFileSync(path.join(root, "password"), "utf8").trim();
  const client = new pg.Client({
    connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/desk`,
  });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

test("writes no demo data: no staff, no customers, and the console leads to first-run setup", async () => {
  expect(
    await query<{ staff: number; customers: number }>(
      "SELECT (SELECT count(*)::int FROM staff_users) AS staff, (SELECT count(*)::int FROM customers) AS customers",
    ),
  ).toEqual([{ staff: 0, customers: 0 }]);
  const signIn = await fetch(`${LOCAL}/console/sign-in`, { redirect: "manual" });
  expect([307, 308]).toContain(signIn.status);
  expect(signIn.headers.get("location")).toMatch(/\/setup$/);
});

test("links name APP_URL: the sitemap, next-auth's redirects, and Secure cookies for https", async () => {
  const sitemap = await (await fetch(`${LOCAL}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${PUBLIC_URL}/help/`);
  expect(sitemap).not.toContain("localhost");
  const csrf = await fetch(`${LOCAL}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().join("\n");
  expect(cookies).toMatch(/__Host-next-auth\.csrf-token=[^\n]*Secure/);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signOut = await fetch(`${LOCAL}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.headers
        .getSetCookie()
        .map((value) => value.split(";")[0])
        .join("; "),
      "sec-fetch-site": "same-origin",
    },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/console/sign-in", json: "true" }),
  });
  expect(((await signOut.json()) as { url: string }).url).toBe(`${PUBLIC_URL}/console/sign-in`);
});
