// `npm run db:prune-events -- [--days 400]`: deletes login attempts and code deliveries older than
// the retention period, and expired rate-limit counters (docs/operations.md, "Retention"). Safe to
// run daily, and on several instances at once (each batch deletes rows only once).
import { parseArgs } from "node:util";
import { getDb } from "@/lib/db/client";
import { pruneThrottles } from "@/lib/auth/throttle";
import { pruneRateLimits } from "@/lib/rate-limit/rate-limit";
import { pruneLoginEvents } from "@/lib/retention/prune-login-events";
import { env } from "@/lib/env";

const { values } = parseArgs({
  options: { days: { type: "string", default: String(env().LOGIN_EVENT_RETENTION_DAYS) } },
});
const report = await pruneLoginEvents(Number(values.days));
const counters = (await pruneRateLimits()) + (await pruneThrottles());
process.stdout.write(
  `Deleted ${report.loginAttempts} login attempts and ${report.otpDeliveries} code deliveries from before ${report.cutoff.toISOString()}, and ${counters} expired rate-limit counters.\n`,
);
await getDb().$disconnect();
