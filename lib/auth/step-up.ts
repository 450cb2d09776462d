// Step-up: privileged actions need a TOTP code entered within the last 5 minutes. The code is
// claimed like a sign-in code (each time step once), failures count towards the lockout.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, recordAuditEvent } from "@/lib/audit/audit-log";
import { fail, succeed, type Result } from "@/lib/result";
import type { StaffContext } from "./current-staff";
import { describeLock } from "./lockout";
import { GENERIC_FAILURE, recordFailure } from "./sign-in";
import { checkSecondFactor, claimSecondFactor } from "./staff-credentials";

export async function confirmStaffStepUp(ctx: StaffContext, input: { code: string }): Promise<Result> {
  const { staff, actor, ip } = ctx;
  const db = getDb();
  const record = await db.staffUser.findUnique({
    where: { id: staff.id },
    select: { totpSecretEnc: true, lockedUntil: true },
  });
  if (!record?.totpSecretEnc) return fail("Your account has no authenticator enrolled.");
  if (record.lockedUntil && record.lockedUntil > new Date()) {
    await recordAuditEvent({ actor, action: "staff.step_up.refused_locked", ip });
    return fail(describeLock(record.lockedUntil));
  }

  const factor = await checkSecondFactor(staff.id, record.totpSecretEnc, input.code);
  if (!factor.ok) {
    const failure = await recordFailure(staff.id, actor, { ip, userAgent: null }, "wrong_code");
    const locked = !failure.ok && failure.message !== GENERIC_FAILURE;
    return locked && !failure.ok
      ? fail(failure.message)
      : fail("That code is not right. Check your app and try again.", "code");
  }
  if (!(await claimSecondFactor(staff.id, factor))) {
    await recordAuditEvent({ actor, action: "staff.step_up.replayed_code", ip });
    return fail("That code has already been used. Wait for the next code in your app.", "code");
  }
  await db.$transaction(async (tx) => {
    await tx.staffSession.update({ where: { id: staff.sessionId }, data: { stepUpAt: new Date() } });
    await appendAuditEvent(tx, {
      actor,
      action: "staff.step_up.succeeded",
      ip,
      data: { sessionId: staff.sessionId },
    });
  });
  return succeed("Confirmed.");
}
