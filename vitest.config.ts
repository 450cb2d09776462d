// Vitest runs unit and integration tests against real PostgreSQL: test/global-setup.ts prepares one
// server and a migrated template database, test/setup-database.ts gives every test file its own copy.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws unless imported by React server components; under Vitest the data layer
      // runs as plain Node code, so the guard is replaced by an empty module.
      { find: /^server-only$/, replacement: fromRoot("./test/server-only.ts") },
      // The same paths as tsconfig.json.
      { find: /^@\//, replacement: fromRoot("./") },
      { find: /^contentlayer\/generated$/, replacement: fromRoot("./.contentlayer/generated") },
    ],
  },
  test: {
    environment: "node",
    // Fixed, test-only secrets: the code under test reads them from the environment as in production.
    env: {
      TOTP_ENCRYPTION_KEYS: "test1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    },
    include: ["{lib,app,components,scripts,test,prisma,examples}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/.next/**", "e2e/**", ".data/**"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup-database.ts"],
    // Separate processes: each test file gets its own DATABASE_URL (and Prisma client) in process.env.
    pool: "forks",
    testTimeout: 30_000,
    // Creating the server, the template and the per-file databases can take a while on a cold machine.
    hookTimeout: 120_000,
  },
});
