// Re-encrypts every staff TOTP secret under the active key (the first in TOTP_ENCRYPTION_KEYS), so
// an old key can then be removed from the list. Run after putting a new key first:
// `npm run totp:reencrypt` (docs/operations.md, "Rotating keys").
//
// Each row is updated only if it still holds the ciphertext that was read, so a staff member who
// re-enrols at the same moment keeps the new secret; such rows are counted and left for a re-run.
import "server-only";
import { getDb } from "@/lib/db/client";
import { activeAtRestKeyId, decryptAtRest, encryptAtRest, atRestKeyId } from "@/lib/crypto/at-rest";

export type ReencryptReport = {
  checked: number;
  reencrypted: number;
  alreadyCurrent: number;
  changedMeanwhile: number;
};

export async function reencryptAtRests(): Promise<ReencryptReport> {
  const db = getDb();
  const activeId = activeAtRestKeyId();
  const rows = await db.staffUser.findMany({
    where: { totpSecretEnc: { not: null } },
    select: { id: true, totpSecretEnc: true },
  });
  const report: ReencryptReport = {
    checked: rows.length,
    reencrypted: 0,
    alreadyCurrent: 0,
    changedMeanwhile: 0,
  };
  for (const row of rows) {
    const stored = row.totpSecretEnc ?? "";
    if (atRestKeyId(stored) === activeId) {
      report.alreadyCurrent++;
      continue;
    }
    const fresh = encryptAtRest(decryptAtRest(stored));
    const { count } = await db.staffUser.updateMany({
      where: { id: row.id, totpSecretEnc: stored },
      data: { totpSecretEnc: fresh },
    });
    if (count === 1) report.reencrypted++;
    else report.changedMeanwhile++;
  }
  return report;
}
