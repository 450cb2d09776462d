// The customer's "Yes" through the real path: the agent sends the request, the link is read from
// the notification the desk queued (as the customer's inbox would hold it), and the customer answers.
import { getDb } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/current-staff";
import {
  answerCallerVerification,
  requestCallerVerification,
} from "@/lib/caller-verification/caller-verification";
import type { ContactChoice } from "@/lib/caller-verification/schemas";

export async function sendVerification(
  agent: StaffContext,
  customerId: string,
  contact: ContactChoice = "email",
  purpose: "FACTOR_RESET" | "ACCOUNT_HELP" = "FACTOR_RESET",
): Promise<{ verificationId: string; token: string }> {
  const sent = await requestCallerVerification(agent, { customerId, contact, purpose });
  if (!sent.ok) throw new Error(sent.message);
  const message = await getDb().notification.findFirstOrThrow({
    where: { customerId, template: "caller-verification" },
    orderBy: { createdAt: "desc" },
    select: { body: true },
  });
  const token = /\/verify\/([A-Za-z0-9_-]{43})/.exec(message.body)?.[1];
  if (!token) throw new Error("no confirmation link in the message");
  return { verificationId: sent.data.verificationId, token };
}

/** Sends a reset confirmation request and answers yes; the id a reset may then rely on. */
export async function customerConfirms(agent: StaffContext, customerId: string): Promise<string> {
  const { verificationId, token } = await sendVerification(agent, customerId);
  const answered = await answerCallerVerification({ token, answer: "yes" }, "203.0.113.9");
  if (!answered.ok) throw new Error(answered.message);
  return verificationId;
}
