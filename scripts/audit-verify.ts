// `npm run audit:verify`: checks the whole audit hash chain; exits 1 at the first broken link.
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { getDb } from "@/lib/db/client";

const report = await verifyAuditChain();
if (report.ok) {
  process.stdout.write(
    `Audit log intact: ${report.rows} events, last hash ${report.lastHash.slice(0, 16)}…\n`,
  );
} else {
  const why =
    report.problem === "wrong-previous-hash"
      ? "does not link to the event before it"
      : "was changed after it was written";
  process.stdout.write(
    `Audit log BROKEN at event #${report.brokenAt}: it ${why}. ${report.rows} events before it are intact.\n`,
  );
}
await getDb().$disconnect();
process.exit(report.ok ? 0 : 1);
