// The notifications outbox: rows written in the same transaction as the change they announce, and
// sent afterwards by the worker (lib/notifications/worker.ts). A failed send never undoes the change.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notMeToken } from "./not-me-token";
import {
  callerDeclinedAlertEmail,
  callerVerificationEmail,
  callerVerificationSms,
  integrationAlertEmail,
  accountNoticeEmail,
  accountNoticeSms,
  resetEmail,
  resetSms,
  staffLockAlertEmail,
  breakGlassAlertEmail,
  staffCredentialNoticeEmail,
  type ResetNotice,
} from "./templates";
import type { NoticeRecipients } from "@/lib/customers/contact-trust";
import { brand } from "@/lib/content/brand";
import { appUrl } from "@/lib/env";

type Tx = Prisma.TransactionClient;

/**
 * One notice to every recipient: an email to each address, a text to each number. The recipients
 * come from lib/customers/contact-trust.ts (today's contacts and those replaced in the risk window).
 */
async function queueToRecipients(
  tx: Tx,
  customerId: string,
  recipients: NoticeRecipients,
  template: string,
  email: { subject: string; body: string },
  sms: string,
  waitsForActionId: string | null = null,
): Promise<number> {
  const rows: Prisma.NotificationCreateManyInput[] = [
    ...recipients.emails.map((destination) => ({
      waitsForActionId,
      customerId,
      channel: "EMAIL" as const,
      destination,
      template,
      subject: email.subject,
      body: email.body,
    })),
    ...recipients.phones.map((destination) => ({
      waitsForActionId,
      customerId,
      channel: "SMS" as const,
      destination,
      template,
      body: sms,
    })),
  ];
  await tx.notification.createMany({ data: rows });
  return rows.length;
}

export async function queueAccountNotice(
  tx: Tx,
  customer: { id: string; fullName: string },
  recipients: NoticeRecipients,
  change: { when: Date; changes: string[] },
): Promise<number> {
  const notice = {
    fullName: customer.fullName,
    companyName: brand.companyName,
    when: change.when,
    changes: change.changes,
    helpUrl: `${appUrl()}/help`,
  };
  return queueToRecipients(
    tx,
    customer.id,
    recipients,
    "account-action",
    accountNoticeEmail(notice),
    accountNoticeSms(notice),
  );
}

export async function queueResetNotifications(
  tx: Tx,
  customer: { id: string; fullName: string },
  recipients: NoticeRecipients,
  reset: {
    /** The FACTORS_RESET account action: the notice goes out once its deliveries are settled. */
    waitsForActionId: string;
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
  return queueToRecipients(
    tx,
    customer.id,
    recipients,
    "factor-reset",
    resetEmail(notice),
    resetSms(notice),
    reset.waitsForActionId,
  );
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

/** Tells a staff member that a way into their account was added or removed. */
export async function queueStaffCredentialNotice(
  tx: Tx,
  notice: { staffEmail: string; change: string; ip: string },
): Promise<void> {
  const email = staffCredentialNoticeEmail({
    ...notice,
    at: new Date(),
    consoleUrl: `${appUrl()}/console/account`,
  });
  await tx.notification.create({
    data: {
      channel: "EMAIL",
      destination: notice.staffEmail,
      template: "staff-credential-changed",
      subject: email.subject,
      body: email.body,
    },
  });
}

/** Tells the other administrators that the break-glass account signed in with a password. */
export async function queueBreakGlassAlert(
  tx: Tx,
  alert: { staffEmail: string; ip: string; adminEmails: string[] },
): Promise<number> {
  const email = breakGlassAlertEmail({ ...alert, at: new Date(), consoleUrl: `${appUrl()}/console/staff` });
  const recipients = [...new Set(alert.adminEmails)];
  await tx.notification.createMany({
    data: recipients.map((destination) => ({
      channel: "EMAIL" as const,
      destination,
      template: "staff-break-glass",
      subject: email.subject,
      body: email.body,
    })),
  });
  return recipients.length;
}

/** Tells every active administrator that an identity-system endpoint is failing deliveries. */
export async function queueIntegrationAlert(
  tx: Tx,
  alert: { endpointId: string; endpointName: string; failing: number; adminEmails: string[] },
): Promise<number> {
  const email = integrationAlertEmail({
    ...alert,
    consoleUrl: `${appUrl()}/console/integrations/${alert.endpointId}`,
  });
  const recipients = [...new Set(alert.adminEmails)];
  await tx.notification.createMany({
    data: recipients.map((destination) => ({
      channel: "EMAIL" as const,
      destination,
      template: "integration-failing",
      subject: email.subject,
      body: email.body,
    })),
  });
  return recipients.length;
}

/**
 * The confirmation request of a caller verification: to one trusted contact only (the one the agent
 * chose among those lib/caller-verification/contacts.ts offers), never to every contact on file.
 */
export async function queueCallerVerificationRequest(
  tx: Tx,
  request: {
    customer: { id: string; fullName: string };
    channel: "EMAIL" | "SMS";
    destination: string;
    agentFirstName: string;
    purpose: string;
    expiresAt: Date;
    token: string;
  },
): Promise<void> {
  const notice = {
    fullName: request.customer.fullName,
    companyName: brand.companyName,
    agentFirstName: request.agentFirstName,
    purpose: request.purpose,
    expiresAt: request.expiresAt,
    url: `${appUrl()}/verify/${request.token}`,
  };
  const email = callerVerificationEmail(notice);
  await tx.notification.create({
    data: {
      customerId: request.customer.id,
      channel: request.channel,
      destination: request.destination,
      template: CALLER_VERIFICATION_TEMPLATE,
      subject: request.channel === "EMAIL" ? email.subject : null,
      body: request.channel === "EMAIL" ? email.body : callerVerificationSms(notice),
    },
  });
}

/** The outbox page hides the link of these messages from admins (lib/notifications/outbox-queries.ts). */
export const CALLER_VERIFICATION_TEMPLATE = "caller-verification";

/** Tells every active supervisor that a customer denied being the caller. */
export async function queueCallerDeclinedAlert(
  tx: Tx,
  alert: {
    customerId: string;
    customerName: string;
    agentName: string;
    caseNumber: number;
    supervisorEmails: string[];
  },
): Promise<number> {
  const email = callerDeclinedAlertEmail({
    ...alert,
    consoleUrl: `${appUrl()}/console/customers/${alert.customerId}`,
  });
  const recipients = [...new Set(alert.supervisorEmails)];
  await tx.notification.createMany({
    data: recipients.map((destination) => ({
      channel: "EMAIL" as const,
      destination,
      template: "caller-declined",
      subject: email.subject,
      body: email.body,
    })),
  });
  return recipients.length;
}
