// The notifications outbox: rows written in the same transaction as the change they announce, and
// sent afterwards by the worker (lib/notifications/worker.ts). A failed send never undoes the change.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notMeToken } from "./not-me-token";
import { resetEmail, resetSms, staffLockAlertEmail, type ResetNotice } from "./templates";
import { brand } from "@/lib/content/brand";
import { appUrl } from "@/lib/env";

type Tx = Prisma.TransactionClient;

export async function queueResetNotifications(
  tx: Tx,
  customer: { id: string; fullName: string; email: string; phoneE164: string | null },
  reset: {
    id: string;
    executedAt: Date;
    removedFactors: string[];
    sessionsEnded: boolean;
    passwordResetRequired: boolean;
  },
): Promise<number> {
  const notice: ResetNotice = {
    fullName: customer.fullName,
    companyName: brand.companyName,
    when: reset.executedAt,
    removedFactors: reset.removedFactors,
    sessionsEnded: reset.sessionsEnded,
    passwordResetRequired: reset.passwordResetRequired,
    notMeUrl: `${appUrl()}/not-me/${notMeToken(reset.id)}`,
  };
  const email = resetEmail(notice);
  const rows: Prisma.NotificationCreateManyInput[] = [
    {
      customerId: customer.id,
      channel: "EMAIL",
      destination: customer.email,
      template: "factor-reset",
      subject: email.subject,
      body: email.body,
    },
  ];
  if (customer.phoneE164) {
    rows.push({
      customerId: customer.id,
      channel: "SMS",
      destination: customer.phoneE164,
      template: "factor-reset",
      body: resetSms(notice),
    });
  }
  await tx.notification.createMany({ data: rows });
  return rows.length;
}

/**
 * Tells the locked staff member and every active administrator that someone with the password
 * failed the second factor repeatedly. Written in the caller's transaction, sent by the worker.
 */
export async function queueStaffLockAlert(
  tx: Tx,
  alert: { staffEmail: string; until: Date; failures: number; ip: string; adminEmails: string[] },
): Promise<number> {
  const email = staffLockAlertEmail({ ...alert, consoleUrl: `${appUrl()}/console/staff` });
  const recipients = [...new Set([alert.staffEmail, ...alert.adminEmails])];
  await tx.notification.createMany({
    data: recipients.map((destination) => ({
      channel: "EMAIL" as const,
      destination,
      template: "staff-locked",
      subject: email.subject,
      body: email.body,
    })),
  });
  return recipients.length;
}
