// `npm run db:prune-events -- [--days 180]`: deletes login attempts and code deliveries older than
// the retention period (docs/operations.md, "Retention"). Safe to run daily, and on several
// instances at once (each batch deletes rows only once).
import { parseArgs } from "node:util";
import { getDb } from "@/lib/db/client";
import { pruneLoginEvents } from "@/lib/retention/prune-login-events";

const { values } = parseArgs({ options: { days: { type: "string", default: process.env.LOGIN_EVENT_RETENTION_DAYS ?? "180" } } });
const report = await pruneLoginEvents(Number(values.days));
process.stdout.write(
  `Deleted ${report.loginAttempts} login attempts and ${report.otpDeliveries} code deliveries from before ${report.cutoff.toISOString()}.\n`,
);
await getDb().$disconnect();
