// `npm run db:migrate`: applies pending migrations to DATABASE_URL. The npm script runs this through
// scripts/launch.ts, which sets DATABASE_URL (starting the embedded server when none is configured).
import { MigrationError, migrateDatabase } from "../lib/db/migrate";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Run `npm run db:migrate`, which provides it, or set it to your PostgreSQL.",
    );
  }
  const { applied } = await migrateDatabase(url, { log: (message) => console.log(message) });
  if (applied.length === 0) console.log("No pending migrations.");
  else
    console.log(
      `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`,
    );
}

main().catch((error: unknown) => {
  // A refusal or a failed migration explains itself; a stack trace would only bury the advice.
  if (error instanceof MigrationError) console.error(error.message);
  else console.error(error instanceof Error ? `Migration failed: ${error.message}` : String(error));
  process.exitCode = 1;
});
