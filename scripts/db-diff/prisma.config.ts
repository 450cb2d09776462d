// Configuration for prisma-diff (Prisma 6.19 under an npm alias), used only through
// scripts/db-diff/prisma-diff.ts. Prisma 7's CLI needs a native schema engine that it cannot
// download here; Prisma 6 runs `migrate diff` on its wasm engine ("js") given a driver adapter.
// The adapter must reach a real PostgreSQL even for a datamodel-to-datamodel diff, so the caller
// sets DATABASE_URL (a throwaway embedded server when none is configured).
import { defineConfig } from "prisma-diff/config";
import { PrismaPg } from "prisma-diff-adapter-pg";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  // Not the app's schema (the schemas to diff are passed on the command line): Prisma reads this
  // one at start-up to decide which engines to download, and this one asks for none.
  schema: "./cli.prisma",
  adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      return Promise.reject(new Error("DATABASE_URL must point at a reachable PostgreSQL for prisma-diff."));
    }
    // allowExitOnIdle: the CLI never closes the pool, which would otherwise keep the process alive
    // for pg's 10 s idle timeout after the diff has been printed.
    return Promise.resolve(new PrismaPg({ connectionString, allowExitOnIdle: true }));
  },
});
