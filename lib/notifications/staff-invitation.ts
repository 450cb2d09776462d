// Invitation links are emailed straight away when SMTP is configured, and never queued in the
// outbox: the outbox keeps message bodies (admins read it), and a working invitation link must not
// sit in a table. Without SMTP, or when the send fails, the admin sends the link shown once.
import "server-only";
import { appUrl, env } from "@/lib/env";
import { log } from "@/lib/log";
import { staffInvitationEmail } from "./templates";
import { SmtpTransport, type NotificationTransport } from "./transports";

export type InvitationEmailOutcome = "sent" | "not-configured" | "failed";

/** SMTP when configured; null when invitations are not emailed. */
export function invitationMailer(): NotificationTransport | null {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? new SmtpTransport(SMTP_URL, MAIL_FROM) : null;
}

export async function emailStaffInvitation(
  mailer: NotificationTransport | null,
  invite: { email: string; name: string; path: string; expiresAt: Date; invitedBy: string },
): Promise<InvitationEmailOutcome> {
  if (!mailer) return "not-configured";
  const email = staffInvitationEmail({ ...invite, url: `${appUrl()}${invite.path}` });
  try {
    await mailer.send({
      channel: "EMAIL",
      destination: invite.email,
      subject: email.subject,
      body: email.body,
    });
    return "sent";
  } catch (error) {
    // The error's code only: SMTP replies can quote the recipient's address.
    const failure = error instanceof Error && "code" in error ? String(error.code) : "unknown";
    log.warn("staff.invitation.email_failed", { failure });
    return "failed";
  }
}
