// The confirmation page's address carries the reference and what the next steps depend on, signed
// so that nobody can make our site display a reference (or advice) that we did not issue. Nothing
// is read back from the database: the page needs no lookup and reveals nothing about a report.
import { signValue, verifySignedValue } from "@/lib/forms/signing";
import type { ScamAsk } from "@/lib/generated/prisma/enums";
import { SCAM_ASKS } from "./labels";
import type { NextStepFacts } from "./next-steps";
import { REFERENCE_PATTERN } from "./reference";

const PURPOSE = "scam-report-confirmation";

export type Confirmation = NextStepFacts & { reference: string };

function canonical(confirmation: Confirmation): string {
  const asks = SCAM_ASKS.filter((ask) => confirmation.asks.includes(ask)).join(",");
  return `${confirmation.reference}|${asks}|${confirmation.sharedSomething ? 1 : 0}|${confirmation.lostMoney ? 1 : 0}`;
}

export function confirmationPath(confirmation: Confirmation): string {
  const params = new URLSearchParams({
    ref: confirmation.reference,
    asks: SCAM_ASKS.filter((ask) => confirmation.asks.includes(ask)).join(","),
    shared: confirmation.sharedSomething ? "1" : "0",
    money: confirmation.lostMoney ? "1" : "0",
  });
  params.set("sig", signValue(PURPOSE, canonical(confirmation)));
  return `/report/sent?${params.toString()}`;
}

/** The confirmation in a signed address, or null when anything is missing, malformed or forged. */
export function readConfirmation(params: Record<string, string | string[] | undefined>): Confirmation | null {
  const get = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const reference = get("ref");
  const sig = get("sig");
  if (!reference || !REFERENCE_PATTERN.test(reference) || !sig) return null;
  const asks = (get("asks") ?? "").split(",").filter(Boolean);
  if (!asks.every((ask): ask is ScamAsk => (SCAM_ASKS as readonly string[]).includes(ask))) return null;
  const confirmation: Confirmation = {
    reference,
    asks,
    sharedSomething: get("shared") === "1",
    lostMoney: get("money") === "1",
  };
  return verifySignedValue(PURPOSE, canonical(confirmation), sig) ? confirmation : null;
}
