// System tests (system/): whole deployments of the production build, each with its own embedded
// PostgreSQL: several instances on one database (npm run test:cluster) and faults (npm run
// test:faults). They need `npm run build` first; the unit suite (vitest.config.ts) never runs them.
// Vitest rather than Playwright: these tests own their servers (start several on one database,
// SIGKILL one and restart it, stop PostgreSQL under them), which Playwright's webServer cannot do,
// and they speak HTTP, so they need no browser.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // The harness imports lib/ (migrations, key material), which guards itself with server-only.
      { find: /^server-only$/, replacement: fromRoot("./test/server-only.ts") },
      { find: /^@\//, replacement: fromRoot("./") },
    ],
  },
  test: {
    environment: "node",
    // The demo staff's TOTP secrets are encrypted with this when seeded; the servers get the same key.
    env: { TOTP_ENCRYPTION_KEYS: "system1:c3lzdGVtLXRlc3RzLW9ubHktMzItYnl0ZXMta2V5ISE=" },
    include: ["system/**/*.test.ts"],
    globalSetup: ["./system/support/require-build.ts"],
    pool: "forks",
    // One deployment at a time: each starts servers on fixed ports and loads the 2-core machine.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
