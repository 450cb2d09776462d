// The risk gate: a reset on an account that shows signs of attack needs a second person. These are
// exactly the situations in which a scammer has talked an agent round.
import "server-only";
import { getDb } from "@/lib/db/client";
import { getRiskSignals } from "@/lib/customers/risk-data";

const RECENT_MS = 7 * 86_400_000;

export async function resetRiskReasons(customerId: string, now = new Date()): Promise<string[]> {
  const db = getDb();
  const [signals, contactChanges] = await Promise.all([
    getRiskSignals(customerId, now),
    db.accountChange.count({
      where: {
        customerId,
        kind: { in: ["EMAIL_CHANGED", "PHONE_CHANGED"] },
        occurredAt: { gte: new Date(now.getTime() - RECENT_MS) },
      },
    }),
  ]);
  const recent = (at: Date) => now.getTime() - at.getTime() <= RECENT_MS;
  const reasons = new Set<string>();
  for (const signal of signals) {
    if (signal.code === "FLAGGED") reasons.add("The account is flagged as possibly compromised.");
    if (signal.code === "RECENT_SCAM_REPORT")
      reasons.add("The customer reported a scam contact in the last 30 days.");
    if (signal.code === "OTP_BURST" && recent(signal.at))
      reasons.add("A burst of code requests in the last 7 days.");
    if (signal.code === "NEW_DEVICE" && recent(signal.at))
      reasons.add("A sign-in from a new device in the last 7 days.");
  }
  if (contactChanges > 0) reasons.add("The email address or phone number changed in the last 7 days.");
  return [...reasons];
}

/**
 * Why the way the caller was verified needs a supervisor, whatever the account's risk: a manual
 * check always does (with its note); a callback is the agent's word, so it does too unless
 * CALLER_VERIFICATION_REQUIRED=0. The customer's own "Yes" (CONFIRMED_BY_CUSTOMER) needs nobody.
 */
export function verificationApprovalReasons(method: string, verificationRequired: boolean): string[] {
  if (method === "DOCUMENT_CHECK" || method === "OTHER")
    return [
      "The caller was verified by hand (a document check or another way): a supervisor must confirm it.",
    ];
  if (method !== "CONFIRMED_BY_CUSTOMER" && verificationRequired)
    return [
      "The caller did not confirm on their own device: the desk only has the agent's word that a callback reached the customer.",
    ];
  return [];
}
