// `npm run totp:reencrypt`: after a new key is put first in TOTP_ENCRYPTION_KEYS, re-encrypts every
// staff TOTP secret with it, so the old key can be removed (docs/operations.md, "Rotating keys").
import { reencryptAtRests } from "@/lib/auth/totp-key-rotation";
import { getDb } from "@/lib/db/client";

const report = await reencryptAtRests();
process.stdout.write(
  `Checked ${report.checked} staff TOTP secrets: ${report.reencrypted} re-encrypted, ${report.alreadyCurrent} already under the active key` +
    (report.changedMeanwhile ? `, ${report.changedMeanwhile} changed meanwhile (run again).\n` : ".\n"),
);
await getDb().$disconnect();
process.exit(report.changedMeanwhile ? 1 : 0);
