import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { codeFor, createStaff, type TestStaff } from "@/test/factories/staff";
import { refreshEnv } from "@/lib/env";
import { ACCOUNT_THROTTLE, GENERIC_FAILURE, signInStaff } from "./sign-in";

let ipCounter = 0;
/** A fresh client address per test, so the per-IP throttle only bites where a test wants it. */
function context(ip = `198.51.100.${++ipCounter}`) {
  return { ip, userAgent: "vitest" };
}

async function auditActions(staffId: string): Promise<string[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { targetId: staffId },
    orderBy: { seq: "asc" },
    select: { action: true },
  });
  return rows.map((row) => row.action);
}

let staff: TestStaff;
beforeEach(async () => {
  staff = await createStaff({ role: "AGENT" });
});

describe("signInStaff", () => {
  it("signs in with the right password and code, creating a session and an audit event", async () => {
    const result = await signInStaff(
      { email: staff.email, password: staff.password, code: await codeFor(staff) },
      context(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await getDb().staffSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.staffId).toBe(staff.id);
    expect(session.stepUpAt).not.toBeNull();
    expect(await auditActions(staff.id)).toEqual(["staff.sign_in.succeeded"]);
  });

  it("accepts the email in any case and with spaces", async () => {
    const result = await signInStaff(
      { email: `  ${staff.email.toUpperCase()} `, password: staff.password, code: await codeFor(staff) },
      context(),
    );
    expect(result.ok).toBe(true);
  });

  it("accepts a code from the previous time step (clock drift), but not from two steps ago", async () => {
    expect(
      (
        await signInStaff(
          { email: staff.email, password: staff.password, code: await codeFor(staff, -2) },
          context(),
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await signInStaff(
          { email: staff.email, password: staff.password, code: await codeFor(staff, -1) },
          context(),
        )
      ).ok,
    ).toBe(true);
  });

  it("gives the same generic message for an unknown email, a wrong password and a wrong code", async () => {
    const code = await codeFor(staff);
    const since = new Date();
    const unknown = await signInStaff(
      { email: "nobody@desk.example", password: staff.password, code },
      context(),
    );
    const wrongPassword = await signInStaff(
      { email: staff.email, password: "not the password", code },
      context(),
    );
    const wrongCode = await signInStaff(
      { email: staff.email, password: staff.password, code: code === "000000" ? "111111" : "000000" },
      context(),
    );
    for (const result of [unknown, wrongPassword, wrongCode]) {
      expect(result).toEqual({ ok: false, message: GENERIC_FAILURE });
    }
    const failures = await getDb().auditEvent.count({
      where: { action: "staff.sign_in.failed", occurredAt: { gte: since } },
    });
    expect(failures).toBe(3);
  });

  it("refuses a replayed code: the same code works once", async () => {
    const code = await codeFor(staff);
    expect((await signInStaff({ email: staff.email, password: staff.password, code }, context())).ok).toBe(
      true,
    );
    const replay = await signInStaff({ email: staff.email, password: staff.password, code }, context());
    expect(replay.ok).toBe(false);
    if (!replay.ok) expect(replay.message).toMatch(/already been used/);
  });

  it("lets exactly one of two simultaneous sign-ins with the same code succeed", async () => {
    const code = await codeFor(staff);
    const attempts = await Promise.all(
      Array.from({ length: 2 }, () =>
        signInStaff({ email: staff.email, password: staff.password, code }, context()),
      ),
    );
    expect(attempts.filter((result) => result.ok)).toHaveLength(1);
    expect(await getDb().staffSession.count({ where: { staffId: staff.id } })).toBe(1);
  });

  it("never locks on wrong passwords: twenty guesses from twenty addresses, then the owner signs in", async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const guess = await signInStaff(
        { email: staff.email, password: `guess ${attempt}`, code: "000001" },
        context(`192.0.2.${attempt}`),
      );
      expect(guess).toEqual({ ok: false, message: GENERIC_FAILURE });
    }
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.lockedUntil).toBeNull();
    const owner = await signInStaff(
      { email: staff.email, password: staff.password, code: await codeFor(staff) },
      context(),
    );
    expect(owner.ok).toBe(true);
  });

  it("slows guesses from one address with growing delays, the same for unknown emails", async () => {
    const ip = "203.0.113.77";
    const attempts = async (email: string) => {
      const results = [];
      for (let attempt = 0; attempt < 5; attempt++)
        results.push(await signInStaff({ email, password: "wrong", code: "000001" }, context(ip)));
      return results.map((result) => (result.ok ? "ok" : result.message));
    };
    const known = await attempts(staff.email);
    const unknown = await attempts("nobody-here@desk.example");
    // Three free failures, then a wait: identical for an account that exists and one that does not.
    expect(known.slice(0, 4)).toEqual([GENERIC_FAILURE, GENERIC_FAILURE, GENERIC_FAILURE, GENERIC_FAILURE]);
    expect(known[4]).toMatch(/^Too many attempts\. Wait \d+ seconds? and try again\.$/);
    expect(unknown.map((message) => message.replace(/\d+/, "N"))).toEqual(
      known.map((message) => message.replace(/\d+/, "N")),
    );
    // The owner at another address is not slowed by someone else's guesses.
    expect(
      (
        await signInStaff(
          { email: staff.email, password: staff.password, code: await codeFor(staff) },
          context(),
        )
      ).ok,
    ).toBe(true);
  });

  it("slows many addresses guessing one account, except the owner's own browser", async () => {
    for (let attempt = 1; attempt <= ACCOUNT_THROTTLE.free + 1; attempt++) {
      await signInStaff(
        { email: staff.email, password: `guess ${attempt}`, code: "000001" },
        context(`198.18.0.${attempt}`),
      );
    }
    const stranger = await signInStaff(
      { email: staff.email, password: staff.password, code: await codeFor(staff) },
      context(),
    );
    expect(stranger).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many attempts/) });
    const ownBrowser = await signInStaff(
      { email: staff.email, password: staff.password, code: await codeFor(staff) },
      { ...context(), knownDeviceStaffId: staff.id },
    );
    expect(ownBrowser.ok).toBe(true);
  });

  it("locks after five wrong codes with the right password, alerts the staff member and admins, and a recovery code still gets the owner in", async () => {
    const admin = await createStaff({ role: "ADMIN" });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await signInStaff(
        { email: staff.email, password: staff.password, code: "000001" },
        context(),
      );
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.message).toMatch(
          attempt < 5 ? /not right/ : /locked for 15 more minutes[\s\S]*recovery codes/,
        );
    }
    const locked = await signInStaff(
      { email: staff.email, password: staff.password, code: await codeFor(staff) },
      context(),
    );
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/locked/) });
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.lockoutCount).toBe(1);
    expect(row.totpLastStep).toBeNull(); // the refused code was not consumed
    expect(await auditActions(staff.id)).toEqual(
      expect.arrayContaining(["staff.locked", "staff.sign_in.refused_locked"]),
    );
    const alerts = await getDb().notification.findMany({
      where: { template: "staff-locked" },
      select: { destination: true, body: true },
    });
    expect(alerts.map((alert) => alert.destination)).toEqual(
      expect.arrayContaining([staff.email, admin.email]),
    );
    expect(alerts[0]?.body).not.toMatch(/000001/);

    const { issueRecoveryCodes } = await import("@/lib/staff/recovery-codes-store");
    const [recovery = ""] = await getDb().$transaction((tx) => issueRecoveryCodes(tx, staff.id));
    expect(
      (await signInStaff({ email: staff.email, password: staff.password, code: recovery }, context())).ok,
    ).toBe(true);
    expect((await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } })).lockedUntil).toBeNull();
  });

  it("resets the second-factor counter on success", async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      await signInStaff({ email: staff.email, password: staff.password, code: "000001" }, context());
    }
    expect((await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } })).failedSecondFactors).toBe(
      4,
    );
    expect(
      (
        await signInStaff(
          { email: staff.email, password: staff.password, code: await codeFor(staff) },
          context(),
        )
      ).ok,
    ).toBe(true);
    expect((await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } })).failedSecondFactors).toBe(
      0,
    );
  });

  it("refuses the published demo accounts on a production server, and allows them in demo mode", async () => {
    await getDb().staffUser.update({ where: { id: staff.id }, data: { demo: true } });
    const attempt = async () =>
      signInStaff({ email: staff.email, password: staff.password, code: await codeFor(staff) }, context());
    try {
      Object.assign(process.env, { NODE_ENV: "production", APP_URL: "https://desk.example.com" });
      refreshEnv();
      expect(await attempt()).toMatchObject({
        ok: false,
        message: expect.stringMatching(/Demo accounts cannot sign in/),
      });
      process.env.DESK_DEMO = "1";
      refreshEnv();
      expect((await attempt()).ok).toBe(true);
    } finally {
      Object.assign(process.env, { NODE_ENV: "test" });
      delete process.env.DESK_DEMO;
      delete process.env.APP_URL;
      refreshEnv();
    }
  });

  it("refuses deactivated staff even with the right credentials", async () => {
    const gone = await createStaff({ deactivated: true });
    const result = await signInStaff(
      { email: gone.email, password: gone.password, code: await codeFor(gone) },
      context(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/deactivated/);
  });

  it("answers malformed input with a clear message, without touching the account", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ email: "not-an-email", password: "x", code: "123456" }, /valid email/],
      [{ email: staff.email, password: "x".repeat(10_240), code: "123456" }, /at most 1,024/],
      [{ email: staff.email, password: staff.password, code: "12a456" }, /6-digit code/],
      [{ email: staff.email, password: staff.password, code: "1234567" }, /6-digit code/],
      [{ email: staff.email, password: staff.password }, /6-digit code/],
      [{}, /email/],
    ];
    for (const [input, message] of cases) {
      const result = await signInStaff(input, context());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
    expect(await getDb().authThrottle.count({ where: { key: { contains: staff.email } } })).toBe(0);
  });

  it("throttles one client address across accounts", async () => {
    const ip = "203.0.113.250";
    let last;
    for (let attempt = 0; attempt < 31; attempt++) {
      last = await signInStaff(
        { email: `nobody${attempt}@desk.example`, password: "x", code: "123456" },
        context(ip),
      );
    }
    expect(last?.ok).toBe(false);
    if (last && !last.ok) expect(last.message).toMatch(/Too many sign-in attempts from this network/);
    // Another address is unaffected.
    expect(
      (
        await signInStaff(
          { email: staff.email, password: staff.password, code: await codeFor(staff) },
          context(),
        )
      ).ok,
    ).toBe(true);
  });

  it("accepts a recovery code once", async () => {
    const { issueRecoveryCodes } = await import("@/lib/staff/recovery-codes-store");
    const codes = await getDb().$transaction((tx) => issueRecoveryCodes(tx, staff.id));
    const code = codes[0] ?? "";
    expect((await signInStaff({ email: staff.email, password: staff.password, code }, context())).ok).toBe(
      true,
    );
    expect((await signInStaff({ email: staff.email, password: staff.password, code }, context())).ok).toBe(
      false,
    );
    expect(
      (
        await signInStaff(
          { email: staff.email, password: staff.password, code: (codes[1] ?? "").toLowerCase() },
          context(),
        )
      ).ok,
    ).toBe(true);
  });
});
