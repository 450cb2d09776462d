// Checks a staff member's second factor and claims it, so that each TOTP time step and each
// recovery code is accepted exactly once, even when two requests race (the UPDATE is atomic).
import "server-only";
import { getDb } from "@/lib/db/client";
import { hashRecoveryCode } from "./recovery-codes";
import { RECOVERY_CODE_PATTERN } from "./schemas";
import { checkTotpCode } from "./totp";
import { decryptAtRest } from "@/lib/crypto/at-rest";

export type FactorCheck =
  | { ok: true; kind: "totp"; timeStep: number }
  | { ok: true; kind: "recovery-code"; recoveryCodeId: string }
  | { ok: false };

/** Verifies without consuming anything: the caller claims the factor only when everything else passed. */
export async function checkSecondFactor(
  staffId: string,
  totpSecretEnc: string,
  code: string,
): Promise<FactorCheck> {
  if (/^\d{6}$/.test(code)) {
    const result = await checkTotpCode(decryptAtRest(totpSecretEnc), code);
    return result.valid ? { ok: true, kind: "totp", timeStep: result.timeStep } : { ok: false };
  }
  if (RECOVERY_CODE_PATTERN.test(code)) {
    const match = await getDb().staffRecoveryCode.findFirst({
      where: { staffId, codeHash: hashRecoveryCode(code), usedAt: null },
      select: { id: true },
    });
    return match ? { ok: true, kind: "recovery-code", recoveryCodeId: match.id } : { ok: false };
  }
  return { ok: false };
}

/**
 * Consumes the factor. Returns false when another request used the same time step (or a later
 * one) or the same recovery code first: a replay.
 */
export async function claimSecondFactor(
  staffId: string,
  factor: Extract<FactorCheck, { ok: true }>,
): Promise<boolean> {
  const db = getDb();
  if (factor.kind === "totp") {
    const claimed = await db.$executeRaw`
      UPDATE staff_users SET totp_last_step = ${BigInt(factor.timeStep)}
      WHERE id = ${staffId}::uuid AND (totp_last_step IS NULL OR totp_last_step < ${BigInt(factor.timeStep)})`;
    return claimed === 1;
  }
  const used = await db.staffRecoveryCode.updateMany({
    where: { id: factor.recoveryCodeId, staffId, usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}
