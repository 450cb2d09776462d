import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { actingAs, codeFor, createStaff } from "@/test/factories/staff";
import { confirmStaffStepUp } from "./step-up";

describe("step-up", () => {
  it("slows wrong codes inside a session with growing delays and never locks the account", async () => {
    const staff = await createStaff({ role: "ADMIN" });
    const ctx = await actingAs(staff);
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt++)
      answers.push(await confirmStaffStepUp(ctx, { code: "000001" }));
    expect(answers.slice(0, 3).map((answer) => answer.message)).toEqual(
      Array(3).fill("That code is not right. Check your app and try again."),
    );
    expect(answers[4]).toMatchObject({
      ok: false,
      field: "code",
      message: expect.stringMatching(/^Too many wrong codes\. Wait \d+ seconds/),
    });
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row).toMatchObject({ lockedUntil: null, failedSecondFactors: 0 });
  });

  it("works for the owner's own session while someone else's wrong codes have locked the account", async () => {
    const staff = await createStaff({ role: "ADMIN" });
    const ctx = await actingAs(staff);
    await getDb().staffUser.update({
      where: { id: staff.id },
      data: { lockedUntil: new Date(Date.now() + 3_600_000) },
    });
    expect(await confirmStaffStepUp(ctx, { code: await codeFor(staff) })).toMatchObject({ ok: true });
    const session = await getDb().staffSession.findUniqueOrThrow({ where: { id: ctx.staff.sessionId } });
    expect(session.stepUpAt).not.toBeNull();
  });
});
