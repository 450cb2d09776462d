// Ending a staff session from next-auth's sign-out endpoint, where there is no StaffContext: the
// token names the session and its owner, and only that pair is ended.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";

export async function endSessionAtSignOut(token: { sessionId: string; staffId: string }): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const ended = await tx.staffSession.updateMany({
      where: { id: token.sessionId, staffId: token.staffId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (ended.count !== 1) return false;
    const staff = await tx.staffUser.findUniqueOrThrow({
      where: { id: token.staffId },
      select: { email: true },
    });
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: token.staffId, label: staff.email },
      action: "staff.signed_out",
      target: { type: "staff-session", id: token.sessionId },
    });
    return true;
  });
}
