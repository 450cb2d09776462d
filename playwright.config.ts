import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where it exists (Playwright cannot download browsers on our machines);
// Playwright's own browser elsewhere.
const systemChromium = "/usr/bin/chromium";
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A production build against a fresh embedded database seeded with the demo data.
    command: `node_modules/.bin/tsx scripts/launch.ts start --data-dir .data/pg-e2e --fresh -- --port ${PORT} --hostname 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { APP_URL: baseURL, NEXTAUTH_URL: baseURL, E2E: "1" },
    // Without a graceful signal Playwright SIGKILLs the launcher and leaves PostgreSQL running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
