import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";

/** Replaces a staff member's recovery codes; returns the new codes to show once. */
export async function issueRecoveryCodes(tx: Prisma.TransactionClient, staffId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
  await tx.staffRecoveryCode.createMany({
    data: codes.map((code) => ({ staffId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}
