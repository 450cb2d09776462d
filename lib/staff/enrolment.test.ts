import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { signInStaff } from "@/lib/auth/sign-in";
import { createTotpSecret, generateTotpCode } from "@/lib/auth/totp";
import { firstAdminSchema, inviteAcceptanceSchema } from "@/lib/auth/schemas";
import { actingAs, createStaff } from "@/test/factories/staff";
import { acceptInvite, createFirstAdmin, findUsableInvite, hasAnyStaff } from "./enrolment";
import { inviteStaff } from "./staff-admin";

const visitor = { ip: "127.0.0.1" };
const tokenOf = (path: string) => path.replace("/invite/", "");

async function enrolment(extra: Record<string, string> = {}) {
  const totpSecret = createTotpSecret();
  return {
    name: "Ada Admin",
    password: "plenty of words here",
    confirmPassword: "plenty of words here",
    totpSecret,
    code: await generateTotpCode(totpSecret),
    ...extra,
  };
}

describe("first-run setup", () => {
  it("rejects a wrong enrolment code, mismatched passwords and a short password with field messages", async () => {
    const wrongCode = await createFirstAdmin(
      visitor,
      firstAdminSchema.parse({ ...(await enrolment({ code: "000000" })), email: "x@desk.example" }),
    );
    expect(wrongCode).toMatchObject({ ok: false, field: "code" });
    expect(await hasAnyStaff()).toBe(false);
    const mismatch = firstAdminSchema.safeParse({
      ...(await enrolment({ confirmPassword: "something else entirely" })),
      email: "x@desk.example",
    });
    expect(mismatch.error?.issues[0]?.path).toEqual(["confirmPassword"]);
    const short = firstAdminSchema.safeParse({
      ...(await enrolment({ password: "short", confirmPassword: "short" })),
      email: "x@desk.example",
    });
    expect(short.error?.issues.map((issue) => issue.path[0])).toContain("password");
  });

  it("creates exactly one first admin, even when two setups race, and then refuses", async () => {
    expect(await hasAnyStaff()).toBe(false);
    const [first, second] = await Promise.all([
      createFirstAdmin(
        visitor,
        firstAdminSchema.parse({ ...(await enrolment()), email: "ada@desk.example" }),
      ),
      createFirstAdmin(
        visitor,
        firstAdminSchema.parse({ ...(await enrolment()), email: "bob@desk.example" }),
      ),
    ]);
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
    const winner = first.ok ? first : second;
    if (!winner.ok) throw new Error("unreachable");
    expect(winner.data.recoveryCodes).toHaveLength(10);
    expect(await getDb().staffUser.count({ where: { role: "ADMIN" } })).toBe(1);
    const stored = await getDb().staffRecoveryCode.findMany({ select: { codeHash: true } });
    expect(stored.map((row) => row.codeHash)).not.toContain(winner.data.recoveryCodes[0]);
  });
});

describe("first-run setup once the desk is set up", () => {
  it("refuses before checking the code or hashing the password (no work for a flood of posts)", async () => {
    expect(await hasAnyStaff()).toBe(true);
    const late = await createFirstAdmin(
      visitor,
      firstAdminSchema.parse({ ...(await enrolment({ code: "000000" })), email: "late@desk.example" }),
    );
    // A wrong code would have said so if it had been checked: the desk's state is checked first.
    expect(late).toEqual({ ok: false, message: "This desk is already set up. Sign in instead." });
  });
});

describe("invitations", () => {
  it("lets an invitee enrol once; the link then stops working; the new account can sign in", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }), { stepUpAt: new Date() });
    const invited = await inviteStaff(admin, {
      email: "new.agent@desk.example",
      name: "New Agent",
      role: "AGENT",
      reason: "New starter",
    });
    if (!invited.ok) throw new Error("invite failed");
    const token = tokenOf(invited.data.path);
    expect(await getDb().staffInvite.count({ where: { tokenHash: token } })).toBe(0); // stored hashed

    const details = await enrolment();
    const accepted = await acceptInvite(visitor, inviteAcceptanceSchema.parse({ ...details, token }));
    expect(accepted.ok).toBe(true);
    const reused = await acceptInvite(
      visitor,
      inviteAcceptanceSchema.parse({ ...(await enrolment()), token }),
    );
    expect(reused).toEqual({ ok: false, message: expect.stringMatching(/already been used/) });

    const signIn = await signInStaff(
      {
        email: "new.agent@desk.example",
        password: details.password,
        code: await generateTotpCode(details.totpSecret, Date.now() + 30_000),
      },
      { ip: "192.0.2.9", userAgent: null },
    );
    expect(signIn.ok).toBe(true);
  });

  it("refuses expired, unknown and malformed links with a clear message", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }), { stepUpAt: new Date() });
    const invited = await inviteStaff(admin, {
      email: "late@desk.example",
      name: "Late",
      role: "AGENT",
      reason: "New starter",
    });
    if (!invited.ok) throw new Error("invite failed");
    await getDb().staffInvite.updateMany({
      where: { email: "late@desk.example" },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await findUsableInvite(tokenOf(invited.data.path))).toEqual({
      problem: expect.stringMatching(/expired/),
    });
    expect(await findUsableInvite("A".repeat(43))).toEqual({ problem: expect.stringMatching(/not valid/) });
    expect(await findUsableInvite("../../etc")).toEqual({ problem: expect.stringMatching(/not valid/) });
  });
});
