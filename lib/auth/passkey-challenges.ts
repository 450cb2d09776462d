// WebAuthn challenges: random, single use, valid for two minutes, kept in PostgreSQL so that the
// instance that checks an answer need not be the one that asked. Answering deletes the row in the
// same statement that reads it (DELETE … RETURNING), so of two requests racing with one answer,
// exactly one finds it: a replayed answer always fails. Challenges are never logged.
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";

export type CeremonyPurpose = "enrol" | "sign-in" | "step-up";

export const CHALLENGE_LIFETIME_MS = 2 * 60_000;

/** A new challenge for `purpose`, bound to a staff member when the ceremony has one. */
export async function issueChallenge(purpose: CeremonyPurpose, staffId: string | null): Promise<string> {
  const challenge = randomBytes(32).toString("base64url");
  const db = getDb();
  // Unanswered challenges are dropped as new ones are made: the table stays as small as the
  // number of ceremonies of the last two minutes.
  await db.webauthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await db.webauthnChallenge.create({
    data: { challenge, purpose, staffId, expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS) },
  });
  return challenge;
}

/**
 * True once for a challenge this desk issued for `purpose` (and `staffId`) that has not expired;
 * the row is gone afterwards either way.
 */
export async function consumeChallenge(
  challenge: string,
  purpose: CeremonyPurpose,
  staffId: string | null,
): Promise<boolean> {
  const rows = await getDb().$queryRaw<{ fresh: boolean }[]>`
    DELETE FROM webauthn_challenges
    WHERE challenge = ${challenge} AND purpose = ${purpose} AND staff_id IS NOT DISTINCT FROM ${staffId}::uuid
    RETURNING expires_at > now() AS fresh`;
  return rows[0]?.fresh === true;
}
