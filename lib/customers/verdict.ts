// One line at the top of the customer page: is this account likely taken over, under attack, or
// quiet? Computed from the same risk signals the page lists, the contact-trust rules and the
// scam-report correlation the report page uses, so the three never disagree. Pure; each demo story
// is a fixture in verdict.test.ts.
import { describeChangeDevice, type ContactTrust, type ContactTrustEntry } from "./contact-trust";
import { maskDestination } from "./masking";
import type { RiskSignal } from "./risk-signals";

export type VerdictKind = "LIKELY_TAKEOVER" | "UNDER_ATTACK" | "NOTHING_UNUSUAL";

export type Verdict = { kind: VerdictKind; headline: string; because: string[] };

export type VerdictInput = {
  signals: RiskSignal[];
  trust: ContactTrust | null;
  /** A code sent around a reported scam contact and then used on a new device (correlation.ts). */
  scamTakeover: { reference: string; at: Date } | null;
};

const FIELD_WORDS = { email: "Email", phone: "Phone" } as const;

/** "Phone changed +44 •••• ••• 456 → +44 •••• ••• 666, 2026-12-01 14:02 UTC, from a device first seen that day" */
export function describeContactChange(entry: ContactTrustEntry): string | null {
  const change = entry.lastChange;
  if (!entry.untrusted || !change) return null;
  const from = entry.previous ?? change.previousValue;
  const to = entry.current;
  const values = from && to ? ` ${maskDestination(from)} → ${maskDestination(to)}` : "";
  const when = `${change.occurredAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const device = describeChangeDevice(change);
  return `${FIELD_WORDS[entry.field]} changed${values}, ${when}${device ? `, ${device}` : ""}`;
}

const SEVERITY_ORDER = { high: 0, medium: 1 } as const;

/** High before medium, newest first within each. */
export function sortSignals(signals: readonly RiskSignal[]): RiskSignal[] {
  return signals.toSorted(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.at.getTime() - a.at.getTime(),
  );
}

export function computeVerdict(input: VerdictInput): Verdict {
  const has = (code: RiskSignal["code"]) => input.signals.some((signal) => signal.code === code);
  const contactChanges = input.trust
    ? [input.trust.phone, input.trust.email].filter((entry) => entry.untrusted)
    : [];
  const changedFromStrangeDevice = contactChanges.some(
    (entry) => entry.lastChange !== null && describeChangeDevice(entry.lastChange) !== null,
  );
  const takeoverEvidence: string[] = [];
  if (input.scamTakeover)
    takeoverEvidence.push(
      `A code sent around the scam contact in report ${input.scamTakeover.reference} was used on a device the account had never used.`,
    );
  if (
    contactChanges.length > 0 &&
    (changedFromStrangeDevice || has("SIGN_IN_AFTER_CHANGE") || has("NEW_DEVICE"))
  )
    for (const entry of contactChanges) {
      const line = describeContactChange(entry);
      if (line) takeoverEvidence.push(`${line}.`);
    }
  if (takeoverEvidence.length > 0)
    return {
      kind: "LIKELY_TAKEOVER",
      headline: "Likely takeover",
      because: [
        ...takeoverEvidence,
        "Do not trust contact details changed recently: never call back or verify through them.",
      ],
    };

  const attacks: string[] = [];
  if (has("OTP_BURST")) attacks.push("OTP bombing");
  if (has("SHARED_IP")) attacks.push("credential stuffing");
  if (has("REPEATED_WRONG_CODES")) attacks.push("repeated wrong codes");
  if (attacks.length > 0)
    return {
      kind: "UNDER_ATTACK",
      headline: `Under attack: ${attacks.join(", ")}`,
      because: [
        "Someone is trying to get in, and nothing shows they have: no contact change from a new device and no code used on one.",
        "Require a new password and end sessions if the customer agrees; a 2FA reset is not needed.",
      ],
    };

  const worthALook = input.signals.length + contactChanges.length;
  return {
    kind: "NOTHING_UNUSUAL",
    headline: "Nothing unusual",
    because:
      worthALook > 0
        ? [
            `${worthALook} thing${worthALook === 1 ? "" : "s"} below worth a look, none pointing to a takeover or an attack.`,
          ]
        : [],
  };
}
