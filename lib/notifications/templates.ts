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
