// How urgent a case or scam report is, from what raises it: money lost, a caller on the watchlist,
// and the customer's takeover verdict. Pure, so the queue's stored column, the demo data and the
// tests all agree on one rule; lib/workspace/priority-refresh.ts keeps the stored column current.
import type { Tone } from "@/lib/format/tone";

export type PriorityLevel = 0 | 1 | 2 | 3;
export const PRIORITY_LABELS: Record<PriorityLevel, string> = {
  0: "Normal",
  1: "Raised",
  2: "High",
  3: "Urgent",
};
export const PRIORITY_TONES: Record<PriorityLevel, Tone> = { 0: "neutral", 1: "blue", 2: "amber", 3: "red" };

/** A loss at or above this (in minor units: £1,000.00) counts double. */
export const LARGE_LOSS_CENTS = 100_000;

export type PriorityInput = {
  moneyLostCents: number | null;
  watchlistedCaller: boolean;
  verdict: "LIKELY_TAKEOVER" | "UNDER_ATTACK" | "NOTHING_UNUSUAL" | null;
};

export function computePriority(input: PriorityInput): PriorityLevel {
  let score = 0;
  const lost = input.moneyLostCents ?? 0;
  if (lost >= LARGE_LOSS_CENTS) score += 2;
  else if (lost > 0) score += 1;
  if (input.watchlistedCaller) score += 1;
  if (input.verdict === "LIKELY_TAKEOVER") score += 2;
  else if (input.verdict === "UNDER_ATTACK") score += 1;
  return Math.min(3, score) as PriorityLevel;
}

/** A stored value read back (a smallint), clamped to a level. */
export function toPriorityLevel(value: number): PriorityLevel {
  return Math.max(0, Math.min(3, Math.trunc(value))) as PriorityLevel;
}
