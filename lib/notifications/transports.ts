// How a notification leaves the desk. Email goes over SMTP when SMTP_URL is set. Without it (local
// development) and for SMS (no provider is bundled: plug one in behind this interface), the
// message is kept in the outbox, which admins read at /console/outbox.
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type OutgoingMessage = {
  channel: "EMAIL" | "SMS";
  destination: string;
  subject: string | null;
  body: string;
};

export interface NotificationTransport {
  /** Resolves with a short description of where it went; rejects when the send failed. */
  send(message: OutgoingMessage): Promise<string>;
}

export class SmtpTransport implements NotificationTransport {
  private readonly mailer;
  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.mailer = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }
  async send(message: OutgoingMessage): Promise<string> {
    const info = await this.mailer.sendMail({
      from: this.from,
      to: message.destination,
      subject: message.subject ?? "",
      text: message.body,
    });
    return `smtp ${String(info.messageId)}`;
  }
}

export class OutboxOnlyTransport implements NotificationTransport {
  send(): Promise<string> {
    return Promise.resolve("kept in the development outbox");
  }
}

/** The transports from configuration: SMTP for email when configured, otherwise the outbox. */
export function configuredTransports(): Record<OutgoingMessage["channel"], NotificationTransport> {
  const outbox = new OutboxOnlyTransport();
  const { SMTP_URL, MAIL_FROM } = env();
  return {
    EMAIL: SMTP_URL ? new SmtpTransport(SMTP_URL, MAIL_FROM) : outbox,
    SMS: outbox,
  };
}
