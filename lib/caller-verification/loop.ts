import "server-only";
import { startDrainLoop } from "@/lib/queue/drain-loop";
import { expireCallerVerifications } from "./caller-verification";

/** Marks unanswered confirmation requests as expired (and audits each) shortly after their time. */
export function startVerificationExpiryLoop(): void {
  startDrainLoop("caller-verification.expiry", 15_000, () => expireCallerVerifications());
}
