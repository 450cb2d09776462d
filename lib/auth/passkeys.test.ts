import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { actingAs, createStaff, type TestStaff } from "@/test/factories/staff";
import { SoftwareAuthenticator } from "@/test/support/software-authenticator";
import type { StaffContext } from "./current-staff";
import { passkeyAssertionSchema, passkeyEnrolmentSchema } from "./passkey-schemas";
import { signInStaffWithPasskey } from "./passkey-sign-in";
import { relyingParty } from "./passkey-relying-party";
import { enrolPasskey, passkeyAssertionOptions, passkeyEnrolmentOptions, removePasskey } from "./passkeys";
import { confirmStaffStepUpWithPasskey } from "./step-up";

const rp = relyingParty();
let ipCounter = 0;
const context = () => ({ ip: `203.0.113.${++ipCounter}`, userAgent: "vitest" });

async function auditActions(staffId: string): Promise<string[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { targetId: staffId },
    orderBy: { seq: "asc" },
    select: { action: true },
  });
  return rows.map((row) => row.action);
}

async function enrolmentChallenge(ctx: StaffContext): Promise<string> {
  const options = await passkeyEnrolmentOptions(ctx);
  if (!options.ok) throw new Error(options.message);
  return options.data.challenge;
}

async function signInChallenge(): Promise<string> {
  const options = await passkeyAssertionOptions("sign-in", null);
  if (!options.ok) throw new Error(options.message);
  return options.data.challenge;
}

function enrolment(response: unknown, name = "Work laptop") {
  return passkeyEnrolmentSchema.parse({ name, response: JSON.stringify(response) });
}

function assertion(response: unknown) {
  return { response: JSON.stringify(response) };
}

let staff: TestStaff;
let ctx: StaffContext;
let authenticator: SoftwareAuthenticator;

/** Enrols `authenticator` for `staff` through the real ceremony. */
async function enrolled(): Promise<void> {
  const challenge = await enrolmentChallenge(ctx);
  const result = await enrolPasskey(
    ctx,
    enrolment(authenticator.register({ challenge, origin: rp.origin, rpId: rp.id })),
  );
  expect(result).toMatchObject({ ok: true });
}

beforeEach(async () => {
  staff = await createStaff({ role: "AGENT" });
  ctx = await actingAs(staff, { stepUpAt: new Date() });
  authenticator = SoftwareAuthenticator.create();
});

describe("passkey enrolment", () => {
  it("stores the credential with its flags and name, and audits it", async () => {
    await enrolled();
    const rows = await getDb().staffPasskey.findMany({ where: { staffId: staff.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      credentialId: authenticator.id,
      name: "Work laptop",
      transports: ["internal"],
      backupEligible: false,
      backedUp: false,
      lastUsedAt: null,
    });
    expect(await auditActions(staff.id)).toEqual(["staff.passkey.enrolled"]);
  });

  it("refuses an answer for another origin or RP ID, and enrols nothing", async () => {
    for (const ceremony of [
      { origin: "https://desk.example.evil", rpId: rp.id },
      { origin: rp.origin, rpId: "evil.example" },
    ]) {
      const challenge = await enrolmentChallenge(ctx);
      const result = await enrolPasskey(ctx, enrolment(authenticator.register({ challenge, ...ceremony })));
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/another site/) });
    }
    expect(await getDb().staffPasskey.count({ where: { staffId: staff.id } })).toBe(0);
    expect(await auditActions(staff.id)).toEqual([
      "staff.passkey.enrol_refused",
      "staff.passkey.enrol_refused",
    ]);
  });

  it("refuses a challenge used twice, and one issued to someone else", async () => {
    const challenge = await enrolmentChallenge(ctx);
    const response = authenticator.register({ challenge, origin: rp.origin, rpId: rp.id });
    expect(await enrolPasskey(ctx, enrolment(response))).toMatchObject({ ok: true });
    const again = await enrolPasskey(
      ctx,
      enrolment(SoftwareAuthenticator.create().register({ challenge, origin: rp.origin, rpId: rp.id })),
    );
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/expired or was already used/) });

    const other = await actingAs(await createStaff(), { stepUpAt: new Date() });
    const theirs = await enrolmentChallenge(other);
    const stolen = await enrolPasskey(
      ctx,
      enrolment(
        SoftwareAuthenticator.create().register({ challenge: theirs, origin: rp.origin, rpId: rp.id }),
      ),
    );
    expect(stolen).toMatchObject({ ok: false });
    expect(await getDb().staffPasskey.count({ where: { staffId: staff.id } })).toBe(1);
  });

  it("refuses an expired challenge", async () => {
    const challenge = await enrolmentChallenge(ctx);
    await getDb().webauthnChallenge.update({
      where: { challenge },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const result = await enrolPasskey(
      ctx,
      enrolment(authenticator.register({ challenge, origin: rp.origin, rpId: rp.id })),
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(await getDb().webauthnChallenge.count({ where: { challenge } })).toBe(0);
  });

  it("refuses an authenticator that did not verify the user", async () => {
    const challenge = await enrolmentChallenge(ctx);
    const result = await enrolPasskey(
      ctx,
      enrolment(
        authenticator.register({ challenge, origin: rp.origin, rpId: rp.id }, { userVerified: false }),
      ),
    );
    expect(result).toMatchObject({ ok: false });
    expect(await getDb().staffPasskey.count({ where: { staffId: staff.id } })).toBe(0);
  });

  it("refuses malformed answers with a message, before any verification", () => {
    for (const response of [
      "",
      "not json",
      "{}",
      JSON.stringify({ id: "a b", rawId: 1 }),
      "x".repeat(20_000),
    ]) {
      const parsed = passkeyEnrolmentSchema.safeParse({ name: "Laptop", response });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/passkey|could not be read/i);
    }
  });

  it("removes only the owner's passkey, audited", async () => {
    await enrolled();
    const [passkey] = await getDb().staffPasskey.findMany({
      where: { staffId: staff.id },
      select: { id: true },
    });
    const stranger = await actingAs(await createStaff(), { stepUpAt: new Date() });
    expect(await removePasskey(stranger, { passkeyId: passkey?.id ?? "" })).toMatchObject({ ok: false });
    expect(await removePasskey(ctx, { passkeyId: passkey?.id ?? "" })).toMatchObject({ ok: true });
    expect(await getDb().staffPasskey.count({ where: { staffId: staff.id } })).toBe(0);
    expect(await auditActions(staff.id)).toEqual(["staff.passkey.enrolled", "staff.passkey.removed"]);
  });
});

describe("signing in with a passkey", () => {
  beforeEach(enrolled);

  it("opens a stepped-up session and records the passkey's use", async () => {
    const challenge = await signInChallenge();
    const result = await signInStaffWithPasskey(
      assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id })),
      context(),
    );
    expect(result).toMatchObject({ ok: true, staffId: staff.id });
    if (!result.ok) return;
    const session = await getDb().staffSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.stepUpAt).not.toBeNull();
    const passkey = await getDb().staffPasskey.findFirstOrThrow({ where: { staffId: staff.id } });
    expect(passkey.lastUsedAt).not.toBeNull();
    expect(passkey.counter).toBe(1n);
    const event = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: staff.id, action: "staff.sign_in.succeeded" },
    });
    expect(event.data).toMatchObject({ factor: "passkey" });
  });

  it("refuses a replayed answer: the challenge is gone after its first use", async () => {
    const challenge = await signInChallenge();
    const answer = assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id }));
    expect(await signInStaffWithPasskey(answer, context())).toMatchObject({ ok: true });
    expect(await signInStaffWithPasskey(answer, context())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired or was already used/),
    });
  });

  it("refuses an expired challenge", async () => {
    const challenge = await signInChallenge();
    await getDb().webauthnChallenge.update({
      where: { challenge },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const result = await signInStaffWithPasskey(
      assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id })),
      context(),
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
  });

  it("refuses an answer for another origin or RP ID", async () => {
    for (const ceremony of [
      { origin: "http://localhost:4000", rpId: rp.id },
      { origin: rp.origin, rpId: "evil.example" },
    ]) {
      const challenge = await signInChallenge();
      const result = await signInStaffWithPasskey(
        assertion(authenticator.assert({ challenge, ...ceremony })),
        context(),
      );
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/another site/) });
    }
    expect(await getDb().staffSession.count({ where: { staffId: staff.id } })).toBe(1); // actingAs's own
  });

  it("refuses a counter that goes backwards (a cloned authenticator) and audits it", async () => {
    for (let use = 0; use < 2; use++) {
      const challenge = await signInChallenge();
      const result = await signInStaffWithPasskey(
        assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id })),
        context(),
      );
      expect(result.ok).toBe(true);
    }
    authenticator.counter = 1; // the clone remembers an older count
    const challenge = await signInChallenge();
    const result = await signInStaffWithPasskey(
      assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id })),
      context(),
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/counter went backwards/) });
    const regression = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: staff.id, action: "staff.passkey.counter_regressed" },
    });
    expect(regression.data).toMatchObject({ storedCounter: 2, receivedCounter: 1 });
    const passkey = await getDb().staffPasskey.findFirstOrThrow({ where: { staffId: staff.id } });
    expect(passkey.counter).toBe(2n);
  });

  it("refuses an unknown passkey and a deactivated owner", async () => {
    const challenge = await signInChallenge();
    const stranger = SoftwareAuthenticator.create();
    expect(
      await signInStaffWithPasskey(
        assertion(stranger.assert({ challenge, origin: rp.origin, rpId: rp.id })),
        context(),
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/not enrolled/) });

    await getDb().staffUser.update({ where: { id: staff.id }, data: { deactivatedAt: new Date() } });
    const next = await signInChallenge();
    expect(
      await signInStaffWithPasskey(
        assertion(authenticator.assert({ challenge: next, origin: rp.origin, rpId: rp.id })),
        context(),
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/deactivated/) });
  });

  it("lets the owner in through a lock that wrong codes caused, and lifts it", async () => {
    await getDb().staffUser.update({
      where: { id: staff.id },
      data: { lockedUntil: new Date(Date.now() + 3_600_000), failedSecondFactors: 3 },
    });
    const challenge = await signInChallenge();
    const result = await signInStaffWithPasskey(
      assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id })),
      context(),
    );
    expect(result.ok).toBe(true);
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row).toMatchObject({ lockedUntil: null, failedSecondFactors: 0 });
  });

  it("refuses malformed input with a message, never an exception", async () => {
    for (const input of [undefined, {}, { response: "{" }, { response: JSON.stringify({ id: 5 }) }]) {
      expect(await signInStaffWithPasskey(input, context())).toMatchObject({ ok: false });
    }
  });
});

describe("step-up with a passkey", () => {
  beforeEach(enrolled);

  async function stepUpChallenge(): Promise<string> {
    const options = await passkeyAssertionOptions("step-up", staff.id);
    if (!options.ok) throw new Error(options.message);
    expect(options.data.allowCredentials?.map((credential) => credential.id)).toEqual([authenticator.id]);
    return options.data.challenge;
  }

  it("marks the session as stepped up", async () => {
    const stale = await actingAs(staff, { stepUpAt: null });
    const challenge = await stepUpChallenge();
    const input = passkeyAssertionSchema.parse(
      assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id })),
    );
    expect(await confirmStaffStepUpWithPasskey(stale, input)).toMatchObject({ ok: true });
    const session = await getDb().staffSession.findUniqueOrThrow({ where: { id: stale.staff.sessionId } });
    expect(session.stepUpAt).not.toBeNull();
  });

  it("refuses a sign-in challenge, and another staff member's passkey", async () => {
    const stale = await actingAs(staff, { stepUpAt: null });
    const signInOnly = await signInChallenge();
    const wrongPurpose = passkeyAssertionSchema.parse(
      assertion(authenticator.assert({ challenge: signInOnly, origin: rp.origin, rpId: rp.id })),
    );
    expect(await confirmStaffStepUpWithPasskey(stale, wrongPurpose)).toMatchObject({ ok: false });

    const colleague = await createStaff();
    const colleagueCtx = await actingAs(colleague, { stepUpAt: null });
    const challenge = await stepUpChallenge();
    const notTheirs = passkeyAssertionSchema.parse(
      assertion(authenticator.assert({ challenge, origin: rp.origin, rpId: rp.id })),
    );
    expect(await confirmStaffStepUpWithPasskey(colleagueCtx, notTheirs)).toMatchObject({ ok: false });
    const session = await getDb().staffSession.findUniqueOrThrow({
      where: { id: colleagueCtx.staff.sessionId },
    });
    expect(session.stepUpAt).toBeNull();
  });
});
