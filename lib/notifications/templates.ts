// What customers are told after support changes their sign-in security. Plain words, on every
// channel on file, with a way to say "this wasn't me". Never a code, never a request for one.
export type ResetNotice = {
  fullName: string;
  companyName: string;
  when: Date;
  removedFactors: string[];
  sessionsEnded: boolean;
  passwordResetRequired: boolean;
  notMeUrl: string;
};

function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function resetEmail(notice: ResetNotice): { subject: string; body: string } {
  const lines = [
    `Hello ${notice.fullName},`,
    "",
    `On ${formatWhen(notice.when)}, ${notice.companyName} support reset two-step verification on your account at your request.`,
    "",
    "What changed:",
    ...notice.removedFactors.map((factor) => `- Removed: ${factor}`),
    ...(notice.sessionsEnded ? ["- You were signed out on every device."] : []),
    ...(notice.passwordResetRequired ? ["- You must choose a new password the next time you sign in."] : []),
    "",
    "Next time you sign in, you will be asked to set up a new way to verify it's you. Only you choose it; support never sees it.",
    "",
    `If you did not ask for this, tell us straight away: ${notice.notMeUrl}`,
    "",
    `${notice.companyName} will never ask you for a one-time code, your password or card details by phone, text or email.`,
  ];
  return { subject: `Your ${notice.companyName} sign-in security was reset`, body: lines.join("\n") };
}

export function resetSms(notice: ResetNotice): string {
  return `${notice.companyName}: two-step verification on your account was reset by support on ${formatWhen(notice.when)}. Not you? ${notice.notMeUrl} We never ask for your codes.`;
}

/** Any other change support made to the account: sessions ended, new password, lock, contact restored. */
export type AccountNotice = {
  fullName: string;
  companyName: string;
  when: Date;
  /** One sentence each: "You were signed out on every device." */
  changes: string[];
  helpUrl: string;
};

export function accountNoticeEmail(notice: AccountNotice): { subject: string; body: string } {
  const lines = [
    `Hello ${notice.fullName},`,
    "",
    `On ${formatWhen(notice.when)}, ${notice.companyName} support made these changes to protect your account:`,
    "",
    ...notice.changes.map((change) => `- ${change}`),
    "",
    `If you did not expect this, contact us through ${notice.helpUrl} (never through a number someone gave you).`,
    "",
    `${notice.companyName} will never ask you for a one-time code, your password or card details by phone, text or email.`,
  ];
  return { subject: `Security changes on your ${notice.companyName} account`, body: lines.join("\n") };
}

export function accountNoticeSms(notice: AccountNotice): string {
  return `${notice.companyName}: support changed your account's security on ${formatWhen(notice.when)}: ${notice.changes.join(" ")} Not expected? ${notice.helpUrl} We never ask for your codes.`;
}

/** To the staff member whose account locked, and to every administrator. */
export function staffLockAlertEmail(alert: {
  staffEmail: string;
  until: Date;
  failures: number;
  ip: string;
  consoleUrl: string;
}): {
  subject: string;
  body: string;
} {
  const lines = [
    `The staff account ${alert.staffEmail} was locked on the Account Security Desk until ${formatWhen(alert.until)}.`,
    "",
    `Someone signed in with the right password and then entered ${alert.failures} wrong codes in a row (last from ${alert.ip}).`,
    "That means the password is known to someone who does not have the authenticator.",
    "",
    "If it was you: wait, or sign in with one of your recovery codes, then change your password.",
    "If it was not you: tell an administrator now; they can reset the password and review the audit log.",
    "",
    `Console: ${alert.consoleUrl}`,
  ];
  return { subject: `Staff account locked: ${alert.staffEmail}`, body: lines.join("\n") };
}

/** To a staff member: a way into their account was added or removed (ASVS: tell people of credential changes). */
export function staffCredentialNoticeEmail(notice: {
  change: string;
  ip: string;
  at: Date;
  consoleUrl: string;
}): {
  subject: string;
  body: string;
} {
  const lines = [
    `${notice.change} on your Account Security Desk staff account at ${formatWhen(notice.at)} (from ${notice.ip}).`,
    "",
    "If this was you, there is nothing to do.",
    "If it was not you, someone else is signed in as you: tell an administrator now, so they can end your sessions and reset your sign-in methods.",
    "",
    `Your account: ${notice.consoleUrl}`,
  ];
  return { subject: "Your staff sign-in methods changed", body: lines.join("\n") };
}

/** To the other administrators: the break-glass account signed in with a password. */
export function breakGlassAlertEmail(alert: {
  staffEmail: string;
  ip: string;
  at: Date;
  consoleUrl: string;
}): {
  subject: string;
  body: string;
} {
  const lines = [
    `The break-glass account ${alert.staffEmail} signed in to the Account Security Desk with a password at ${formatWhen(alert.at)} (from ${alert.ip}).`,
    "",
    "The sign-in policy keeps everyone else from signing in with a password; this account is the way back in when single sign-on or passkeys fail.",
    "If nobody expected this, end its sessions from the Staff page now and review the audit log.",
    "",
    `Console: ${alert.consoleUrl}`,
  ];
  return { subject: `Break-glass sign-in: ${alert.staffEmail}`, body: lines.join("\n") };
}

/** To administrators: the identity system is not accepting the desk's account actions. */
export function integrationAlertEmail(alert: { endpointName: string; failing: number; consoleUrl: string }): {
  subject: string;
  body: string;
} {
  const lines = [
    `The identity-system endpoint "${alert.endpointName}" is not accepting the desk's account actions.`,
    `${alert.failing} action${alert.failing === 1 ? " is" : "s are"} failing or were given up.`,
    "",
    "Until they are delivered, resets, ended sessions and locks decided in the desk have not reached the system customers sign in to.",
    "The desk keeps retrying; the delivery log shows each attempt's answer, and you can retry or pause from there.",
    "",
    `Delivery log: ${alert.consoleUrl}`,
  ];
  return { subject: `Identity system deliveries failing: ${alert.endpointName}`, body: lines.join("\n") };
}

/** To someone an administrator invited (or invited again): the single-use link to set up their account. */
export function staffInvitationEmail(invite: {
  name: string;
  url: string;
  expiresAt: Date;
  invitedBy: string;
}): {
  subject: string;
  body: string;
} {
  const lines = [
    `Hello ${invite.name},`,
    "",
    `${invite.invitedBy} invited you to the Account Security Desk, the console our support staff use.`,
    `Set up your account (a password and an authenticator app) here before ${formatWhen(invite.expiresAt)}:`,
    "",
    invite.url,
    "",
    "The link works once. If you did not expect this, ignore it and tell your security team.",
  ];
  return { subject: "Your invitation to the Account Security Desk", body: lines.join("\n") };
}

/** What the caller-verification request says: who is asking, for what, and that no code is wanted. */
export type CallerVerificationNotice = {
  fullName: string;
  companyName: string;
  agentFirstName: string;
  purpose: string;
  expiresAt: Date;
  url: string;
};

export function callerVerificationEmail(notice: CallerVerificationNotice): { subject: string; body: string } {
  const lines = [
    `Hello ${notice.fullName},`,
    "",
    `${notice.agentFirstName} from ${notice.companyName} support is on the phone with someone who says they are you, and is asking ${notice.purpose}.`,
    "",
    `Is that you? Answer here before ${formatWhen(notice.expiresAt)}: ${notice.url}`,
    "",
    'If you are not on the phone with us, open the link and choose "No, I did not contact you": we will protect your account.',
    "",
    `${notice.companyName} will never ask you for a one-time code, your password or card details. This page does not ask for any code.`,
  ];
  return { subject: `Is it you on the phone with ${notice.companyName} support?`, body: lines.join("\n") };
}

export function callerVerificationSms(notice: CallerVerificationNotice): string {
  return `${notice.companyName}: ${notice.agentFirstName} from support is on the phone with someone who says they are you. Is it you? Answer: ${notice.url} We never ask for your codes.`;
}

/** To supervisors: a customer said they did not contact us while someone on the phone claimed to be them. */
export function callerDeclinedAlertEmail(alert: {
  customerName: string;
  agentName: string;
  caseNumber: number;
  consoleUrl: string;
}): { subject: string; body: string } {
  const lines = [
    `${alert.customerName} answered "No, I did not contact you" to a confirmation request ${alert.agentName} sent during a call.`,
    "",
    "Whoever was on the phone was probably not the customer. The account is flagged, and 2FA resets on it are blocked until a supervisor clears the block.",
    `Case #${alert.caseNumber} holds the details.`,
    "",
    `Customer: ${alert.consoleUrl}`,
  ];
  return { subject: `Caller impersonating ${alert.customerName}: resets blocked`, body: lines.join("\n") };
}
