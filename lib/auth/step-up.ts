// Step-up: privileged actions need a TOTP code entered within the last 5 minutes. The code is
// claimed like a sign-in code (each time step once), failures count towards the lockout.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, recordAuditEvent } from "@/lib/audit/audit-log";
import type { CurrentStaff } from "./current-staff";
import { describeLock } from "./lockout";
import { stepUpSchema } from "./schemas";
import { GENERIC_FAILURE, recordFailure } from "./sign-in";
import { checkSecondFactor, claimSecondFactor } from "./staff-credentials";

export type StepUpResult = { ok: true } | { ok: false; field?: "code"; message: string };

export async function confirmStaffStepUp(staff: CurrentStaff, input: unknown, ip: string): Promise<StepUpResult> {
  const parsed = stepUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, field: "code", message: parsed.error.issues[0]?.message ?? "Enter a code." };

  const db = getDb();
  const record = await db.staffUser.findUnique({
    where: { id: staff.id },
    select: { totpSecretEnc: true, lockedUntil: true },
  });
  if (!record?.totpSecretEnc) return { ok: false, message: "Your account has no authenticator enrolled." };
  const actor = { type: "STAFF" as const, id: staff.id, label: staff.email };
  if (record.lockedUntil && record.lockedUntil > new Date()) {
    await recordAuditEvent({ actor, action: "staff.step_up.refused_locked", ip });
    return { ok: false, message: describeLock(record.lockedUntil) };
  }

  const factor = await checkSecondFactor(staff.id, record.totpSecretEnc, parsed.data.code);
  if (!factor.ok) {
    const failure = await recordFailure(staff.id, actor, { ip, userAgent: null }, "wrong_code");
    const locked = !failure.ok && failure.message !== GENERIC_FAILURE;
    return locked && !failure.ok
      ? { ok: false, message: failure.message }
      : { ok: false, field: "code", message: "That code is not right. Check your app and try again." };
  }
  if (!(await claimSecondFactor(staff.id, factor))) {
    await recordAuditEvent({ actor, action: "staff.step_up.replayed_code", ip });
    return { ok: false, field: "code", message: "That code has already been used. Wait for the next code in your app." };
  }
  await db.$transaction(async (tx) => {
    await tx.staffSession.update({ where: { id: staff.sessionId }, data: { stepUpAt: new Date() } });
    await appendAuditEvent(tx, { actor, action: "staff.step_up.succeeded", ip, data: { sessionId: staff.sessionId } });
  });
  return { ok: true };
}
