import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { SSO_ENV } from "./e2e/support/sso";

// Debian's Chromium where it exists (Playwright cannot download browsers on our machines);
// Playwright's own browser elsewhere.
const systemChromium = "/usr/bin/chromium";
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A second server with an empty database, for the first-run setup journey.
const FIRST_RUN_PORT = PORT + 1;
const firstRunURL = `http://127.0.0.1:${FIRST_RUN_PORT}`;
// The suite's mail server (e2e/support/smtp-sink.ts): the demo server sends email to it over SMTP,
// and specs read what arrived over HTTP (e2e/support/mailbox.ts).
export const SMTP_PORT = PORT + 20;
export const MAILBOX_PORT = PORT + 21;

function server(port: number, dataDir: string, url: string, env: Record<string, string> = {}) {
  return {
    // Demo mode: the production build with the demo stories and their published staff accounts.
    command: `node_modules/.bin/tsx scripts/launch.ts demo --data-dir ${dataDir} --fresh -- --port ${port} --hostname 127.0.0.1`,
    url: `${url}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    // Every sign-in of the suite comes from 127.0.0.1: lift the per-address throttle (unit-tested at
    // its default). Specs stand in for a load balancer (TRUST_PROXY=1) to play clients at other addresses.
    env: { APP_URL: url, SIGN_IN_IP_LIMIT: "10000", TRUST_PROXY: "1", ...env },
    // Without a graceful signal Playwright SIGKILLs the launcher and leaves PostgreSQL running.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /first-run/ },
    {
      name: "first-run",
      use: { ...devices["Desktop Chrome"], baseURL: firstRunURL },
      testMatch: /first-run/,
    },
  ],
  // Production builds against fresh embedded databases: one with demo data, one empty.
  webServer: [
    {
      command: `node_modules/.bin/tsx e2e/support/smtp-sink.ts ${SMTP_PORT} ${MAILBOX_PORT}`,
      url: `http://127.0.0.1:${MAILBOX_PORT}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    },
    // Single sign-on against the identity provider e2e/sso.spec.ts starts (nothing talks to it
    // until someone presses "Sign in with …").
    server(PORT, ".data/pg-e2e", baseURL, { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, ...SSO_ENV }),
    server(FIRST_RUN_PORT, ".data/pg-e2e-first-run", firstRunURL, { SEED_DEMO_DATA: "0" }),
  ],
});
