// Staff passkeys (WebAuthn, FIDO2): enrolment and removal by their owner, and the check of an
// assertion that sign-in and step-up share. @simplewebauthn/server verifies the signatures, the
// origin and the RP ID hash; this module owns the rest of the rules:
// - every challenge is single use, short-lived and bound to its purpose (lib/auth/passkey-challenges.ts);
// - user verification is required: a passkey alone is a complete, two-factor sign-in;
// - the signature counter must grow (authenticators that do not count always send 0); a counter
//   that goes backwards means a cloned authenticator, and is refused and audited;
// - nothing about a refused answer is logged but why (never a challenge or a key).
import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, recordAuditEvent, staffActor } from "@/lib/audit/audit-log";
import { fail, succeed, type Result } from "@/lib/result";
import { queueStaffCredentialNotice } from "@/lib/notifications/outbox";
import type { StaffContext } from "./current-staff";
import {
  CHALLENGE_LIFETIME_MS,
  consumeChallenge,
  issueChallenge,
  type CeremonyPurpose,
} from "./passkey-challenges";
import { relyingParty } from "./passkey-relying-party";
import type { PasskeyAssertionInput, PasskeyEnrolmentInput } from "./passkey-schemas";

/** Enough for a laptop, a phone and a few security keys; a bound keeps the lists and checks small. */
export const MAX_PASSKEYS_PER_STAFF = 10;

export type OwnPasskey = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
};

/** Why an answer was refused, for the audit log and the message. */
export type PasskeyRefusal = "expired-or-used" | "wrong-origin" | "unknown-passkey" | "invalid" | "cloned";

const REFUSAL_MESSAGES: Record<PasskeyRefusal, string> = {
  "expired-or-used": "This passkey request has expired or was already used. Start again.",
  "wrong-origin":
    "This passkey answer was made for another site, not this desk (its origin or RP ID does not match). Nothing was accepted.",
  "unknown-passkey": "This passkey is not enrolled at this desk. Sign in another way.",
  invalid: "Your passkey's answer could not be verified. Try again.",
  cloned:
    "This passkey was refused: its signature counter went backwards, which happens when an authenticator has been copied. Sign in another way and tell an administrator.",
};

export function passkeyRefusalMessage(reason: PasskeyRefusal): string {
  return REFUSAL_MESSAGES[reason];
}

/** The library's errors name what failed in English; they also quote the challenge, so never log them. */
function refusalOf(error: unknown): PasskeyRefusal {
  const text = error instanceof Error ? error.message : "";
  if (/origin|rp ?id/i.test(text)) return "wrong-origin";
  if (/challenge/i.test(text)) return "expired-or-used";
  return "invalid";
}

/** The user handle a passkey carries: the staff id, so a discoverable passkey says whose it is. */
function userHandleOf(staffId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(staffId);
}

/**
 * Takes the challenge the browser answered out of the table before anything else is checked, so
 * that even a refused answer cannot be tried again. Null when it is not a live challenge of this
 * ceremony.
 */
async function claimAnsweredChallenge(
  clientDataJSON: string,
  purpose: CeremonyPurpose,
  staffId: string | null,
): Promise<string | null> {
  let challenge: string;
  try {
    challenge = decodeClientDataJSON(clientDataJSON).challenge;
  } catch {
    return null;
  }
  if (typeof challenge !== "string" || challenge.length === 0 || challenge.length > 200) return null;
  return (await consumeChallenge(challenge, purpose, staffId)) ? challenge : null;
}

export async function listOwnPasskeys(staffId: string): Promise<OwnPasskey[]> {
  return getDb().staffPasskey.findMany({
    where: { staffId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Enrolment and removal (the owner, with a fresh step-up: lib/forms/staff-action.ts)
// ---------------------------------------------------------------------------------------------

export async function passkeyEnrolmentOptions(
  ctx: StaffContext,
): Promise<Result<PublicKeyCredentialCreationOptionsJSON>> {
  const { staff } = ctx;
  const existing = await getDb().staffPasskey.findMany({
    where: { staffId: staff.id },
    select: { credentialId: true, transports: true },
  });
  if (existing.length >= MAX_PASSKEYS_PER_STAFF)
    return fail(`You already have ${MAX_PASSKEYS_PER_STAFF} passkeys. Remove one before adding another.`);
  const rp = relyingParty();
  const challenge = await issueChallenge("enrol", staff.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: staff.email,
    userDisplayName: staff.name,
    userID: userHandleOf(staff.id),
    challenge: new Uint8Array(Buffer.from(challenge, "base64url")),
    timeout: CHALLENGE_LIFETIME_MS,
    attestationType: "none",
    // The same authenticator twice would only be a second name for one key.
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports as AuthenticatorTransportFuture[],
    })),
    // Discoverable (the passkey names its owner at sign-in) and verified (PIN or biometrics).
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  return succeed("Follow your browser's prompt to create the passkey.", options);
}

export async function enrolPasskey(ctx: StaffContext, input: PasskeyEnrolmentInput): Promise<Result> {
  const { staff, actor, ip } = ctx;
  const refuse = async (reason: PasskeyRefusal | "already-enrolled" | "too-many", message: string) => {
    await recordAuditEvent({
      actor,
      action: "staff.passkey.enrol_refused",
      ip,
      target: { type: "staff", id: staff.id },
      data: { reason },
    });
    return fail(message);
  };

  const challenge = await claimAnsweredChallenge(input.response.response.clientDataJSON, "enrol", staff.id);
  if (!challenge) return refuse("expired-or-used", passkeyRefusalMessage("expired-or-used"));
  const rp = relyingParty();
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (error) {
    const reason = refusalOf(error);
    return refuse(reason, passkeyRefusalMessage(reason));
  }
  if (!verification.verified) return refuse("invalid", passkeyRefusalMessage("invalid"));
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  const db = getDb();
  const [taken, count] = await Promise.all([
    db.staffPasskey.findUnique({ where: { credentialId: credential.id }, select: { id: true } }),
    db.staffPasskey.count({ where: { staffId: staff.id } }),
  ]);
  if (taken) return refuse("already-enrolled", "This passkey is already enrolled.");
  if (count >= MAX_PASSKEYS_PER_STAFF)
    return refuse("too-many", `You already have ${MAX_PASSKEYS_PER_STAFF} passkeys. Remove one first.`);

  await db.$transaction(async (tx) => {
    const created = await tx.staffPasskey.create({
      data: {
        staffId: staff.id,
        credentialId: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        backupEligible: credentialDeviceType === "multiDevice",
        backedUp: credentialBackedUp,
        name: input.name,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "staff.passkey.enrolled",
      ip,
      target: { type: "staff", id: staff.id },
      data: {
        passkeyId: created.id,
        name: input.name,
        backupEligible: credentialDeviceType === "multiDevice",
        backedUp: credentialBackedUp,
      },
    });
    // Someone holding a phished password and code could add their own passkey: the owner hears of it.
    await queueStaffCredentialNotice(tx, {
      staffEmail: staff.email,
      change: `A passkey named “${input.name}” was added`,
      ip,
    });
  });
  return succeed(`Passkey “${input.name}” added. You can sign in with it alone.`);
}

export async function removePasskey(ctx: StaffContext, input: { passkeyId: string }): Promise<Result> {
  const { staff, actor, ip } = ctx;
  return getDb().$transaction(async (tx) => {
    // Only the caller's own passkeys: another's id is as unknown as a made-up one.
    const passkey = await tx.staffPasskey.findFirst({
      where: { id: input.passkeyId, staffId: staff.id },
      select: { id: true, name: true },
    });
    if (!passkey) return fail("Unknown passkey.", "passkeyId");
    await tx.staffPasskey.delete({ where: { id: passkey.id } });
    await appendAuditEvent(tx, {
      actor,
      action: "staff.passkey.removed",
      ip,
      target: { type: "staff", id: staff.id },
      data: { passkeyId: passkey.id, name: passkey.name },
    });
    await queueStaffCredentialNotice(tx, {
      staffEmail: staff.email,
      change: `The passkey named “${passkey.name}” was removed`,
      ip,
    });
    return succeed(`Passkey “${passkey.name}” removed.`);
  });
}

// ---------------------------------------------------------------------------------------------
// Assertions: signing in, and step-up
// ---------------------------------------------------------------------------------------------

/** Sign-in asks any passkey of this desk (discoverable); step-up asks for one of the caller's. */
export async function passkeyAssertionOptions(
  purpose: "sign-in" | "step-up",
  staffId: string | null,
): Promise<Result<PublicKeyCredentialRequestOptionsJSON>> {
  const own =
    purpose === "step-up" && staffId
      ? await getDb().staffPasskey.findMany({
          where: { staffId },
          select: { credentialId: true, transports: true },
        })
      : [];
  if (purpose === "step-up" && own.length === 0)
    return fail("You have no passkey. Use your authenticator app.");
  const challenge = await issueChallenge(purpose, purpose === "step-up" ? staffId : null);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    challenge: new Uint8Array(Buffer.from(challenge, "base64url")),
    timeout: CHALLENGE_LIFETIME_MS,
    userVerification: "required",
    allowCredentials: own.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports as AuthenticatorTransportFuture[],
    })),
  });
  return succeed("Follow your browser's prompt to use your passkey.", options);
}

export type AssertionOutcome =
  | { ok: true; staffId: string; passkeyId: string }
  | { ok: false; reason: PasskeyRefusal; staffId: string | null };

/**
 * Verifies a passkey's answer to a challenge of `purpose`. For step-up, `staffId` is the signed-in
 * staff member and only their passkeys count; for sign-in it is null and the passkey says whose it is.
 */
export async function verifyPasskeyAssertion(
  input: PasskeyAssertionInput,
  ceremony: { purpose: "sign-in" | "step-up"; staffId: string | null; ip: string },
): Promise<AssertionOutcome> {
  const { response } = input;
  const challenge = await claimAnsweredChallenge(
    response.response.clientDataJSON,
    ceremony.purpose,
    ceremony.staffId,
  );
  const db = getDb();
  const passkey = await db.staffPasskey.findUnique({
    where: { credentialId: response.id },
    select: {
      id: true,
      staffId: true,
      publicKey: true,
      counter: true,
      transports: true,
      staff: { select: { email: true } },
    },
  });
  if (!challenge) return { ok: false, reason: "expired-or-used", staffId: passkey?.staffId ?? null };
  const belongs =
    passkey &&
    (ceremony.staffId === null || passkey.staffId === ceremony.staffId) &&
    // A discoverable passkey names its owner; it must name the owner it was enrolled for.
    (response.response.userHandle === undefined ||
      response.response.userHandle === Buffer.from(userHandleOf(passkey.staffId)).toString("base64url"));
  if (!passkey || !belongs) return { ok: false, reason: "unknown-passkey", staffId: null };

  const rp = relyingParty();
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      // The counter is checked below, by us, so that a regression is audited as what it is.
      credential: {
        id: response.id,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: 0,
        transports: passkey.transports as AuthenticatorTransportFuture[],
      },
    });
  } catch (error) {
    return { ok: false, reason: refusalOf(error), staffId: passkey.staffId };
  }
  if (!verification.verified) return { ok: false, reason: "invalid", staffId: passkey.staffId };

  const received = verification.authenticationInfo.newCounter;
  // Atomic: of two answers racing with the same counter, only one moves it.
  const moved = await db.$executeRaw`
    UPDATE staff_passkeys
    SET counter = ${BigInt(received)}, last_used_at = now(),
        backed_up = ${verification.authenticationInfo.credentialBackedUp}
    WHERE id = ${passkey.id}::uuid AND (counter < ${BigInt(received)} OR (counter = 0 AND ${BigInt(received)} = 0))`;
  if (moved !== 1) {
    await recordAuditEvent({
      actor: staffActor({ id: passkey.staffId, email: passkey.staff.email }),
      action: "staff.passkey.counter_regressed",
      ip: ceremony.ip,
      target: { type: "staff", id: passkey.staffId },
      data: { passkeyId: passkey.id, storedCounter: Number(passkey.counter), receivedCounter: received },
    });
    return { ok: false, reason: "cloned", staffId: passkey.staffId };
  }
  return { ok: true, staffId: passkey.staffId, passkeyId: passkey.id };
}
