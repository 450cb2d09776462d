// The one Prisma client of the app. It only reads DATABASE_URL: starting a database is the
// launcher's job (scripts/launch.ts), because Next.js runs this code in several worker processes.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requiredEnv } from "@/lib/env";
import { createStatementNamer } from "./statement-names";

// Distinct statement texts that get a prepared statement on each connection (statement-names.ts).
// The app sends a few hundred kinds of statement; the rest are planned per call.
const PREPARED_STATEMENT_LIMIT = 1_000;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const config = env();
  const adapter = new PrismaPg(
    { connectionString: requiredEnv("DATABASE_URL"), max: config.DATABASE_POOL_SIZE },
    config.DATABASE_PREPARED_STATEMENTS === "1"
      ? // The adapter passes the name on to node-postgres, for which no name means an unnamed
        // statement: the declared type (always a string) is narrower than what pg accepts.
        {
          statementNameGenerator: createStatementNamer(PREPARED_STATEMENT_LIMIT) as (query: {
            sql: string;
          }) => string,
        }
      : {},
  );
  // Audit appends serialise on an advisory lock, so under load a transaction may wait for its turn
  // (and for a pooled connection) longer than Prisma's 2-second default.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
}

/** Created on first use, so importing this module never needs a database (e.g. during `next build`). */
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
