// Risk signals: patterns in a customer's recent activity that a support agent should notice,
// each explained in words. Pure functions over plain facts, so every rule is unit-tested with
// fixtures; lib/customers/risk-data.ts loads the facts from PostgreSQL.
import { distanceKm } from "./geo";

export type AttemptFact = {
  id: string;
  occurredAt: Date;
  outcome: "SUCCESS" | "WRONG_PASSWORD" | "CODE_SENT" | "CODE_WRONG" | "CODE_EXPIRED" | "LOCKED" | "BLOCKED";
  ip: string;
  country: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  deviceId: string | null;
};

export type DeliveryFact = {
  id: string;
  sentAt: Date;
  purpose: string;
  channel: string;
  destinationMasked: string;
  usedAt: Date | null;
};
export type ChangeFact = {
  kind: "EMAIL_CHANGED" | "PHONE_CHANGED" | "PASSWORD_CHANGED" | "FACTOR_ADDED" | "FACTOR_REMOVED";
  occurredAt: Date;
};

export type RiskInput = {
  /** Attempts in the window, any order. */
  attempts: AttemptFact[];
  /** Devices and countries of successful sign-ins before the window: what "new" is measured against. */
  knownDevices: ReadonlySet<string>;
  knownCountries: ReadonlySet<string>;
  deliveries: DeliveryFact[];
  changes: ChangeFact[];
  /** Addresses from this customer's attempts, with how many accounts they touched in the same day. */
  sharedIps: { ip: string; accounts: number; at: Date }[];
  /** Scam reports about this customer in the window (whether a code or password was shared, too). */
  scamReports: { reference: string; contactedAt: Date; sharedSomething: boolean }[];
  flaggedAt: Date | null;
};

export type RiskCode =
  | "OTP_BURST"
  | "NEW_DEVICE"
  | "NEW_COUNTRY"
  | "IMPOSSIBLE_TRAVEL"
  | "REPEATED_WRONG_CODES"
  | "SIGN_IN_AFTER_CHANGE"
  | "SHARED_IP"
  | "RECENT_SCAM_REPORT"
  | "FLAGGED";

export type RiskSignal = {
  code: RiskCode;
  severity: "high" | "medium";
  title: string;
  explanation: string;
  at: Date;
  attemptIds: string[];
  deliveryIds: string[];
};

export const THRESHOLDS = {
  burstCodes: 5,
  burstGapMs: 3 * 60_000,
  wrongCodes: 3,
  wrongCodeGapMs: 15 * 60_000,
  travelKmPerHour: 1_000,
  travelMinKm: 500,
  afterChangeWindowMs: 48 * 3_600_000,
  sharedIpAccounts: 10,
} as const;

const byTime = <T extends { occurredAt: Date }>(a: T, b: T) =>
  a.occurredAt.getTime() - b.occurredAt.getTime();

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function minutesBetween(a: Date, b: Date): number {
  return Math.max(1, Math.round(Math.abs(b.getTime() - a.getTime()) / 60_000));
}

/** Splits time-ordered items into runs whose neighbours are at most `gapMs` apart. */
function runsOf<T>(items: T[], timeOf: (item: T) => Date, gapMs: number): T[][] {
  const sorted = [...items].sort((a, b) => timeOf(a).getTime() - timeOf(b).getTime());
  const runs: T[][] = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && timeOf(item).getTime() - timeOf(previous).getTime() <= gapMs) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Codes requested in quick succession (each within a few minutes of the last), one signal per burst. */
export function findOtpBursts(deliveries: DeliveryFact[]): RiskSignal[] {
  return runsOf(deliveries, (delivery) => delivery.sentAt, THRESHOLDS.burstGapMs)
    .filter((run) => run.length >= THRESHOLDS.burstCodes)
    .flatMap((run) => {
      const first = run[0];
      const last = run[run.length - 1];
      if (!first || !last) return [];
      const used = run.filter((delivery) => delivery.usedAt).length;
      return [
        {
          code: "OTP_BURST" as const,
          severity: "high" as const,
          title: "Burst of code requests",
          explanation:
            `${plural(run.length, "code")} were sent to ${first.destinationMasked} within ${plural(minutesBetween(first.sentAt, last.sentAt), "minute")}` +
            `, and ${used === 0 ? "none was used" : `only ${used} ${used === 1 ? "was" : "were"} used`}. ` +
            "This is how OTP bombing looks: someone who has the password keeps requesting codes, hoping the customer reads one out or approves one.",
          at: last.sentAt,
          attemptIds: [],
          deliveryIds: run.map((delivery) => delivery.id),
        },
      ];
    });
}

export function findNewDevicesAndCountries(
  input: Pick<RiskInput, "attempts" | "knownDevices" | "knownCountries">,
): RiskSignal[] {
  // "New" only means something against a history: a brand-new account has no baseline.
  if (input.knownDevices.size === 0 && input.knownCountries.size === 0) return [];
  const devices = new Set(input.knownDevices);
  const countries = new Set(input.knownCountries);
  const signals: RiskSignal[] = [];
  for (const attempt of input.attempts.filter((item) => item.outcome === "SUCCESS").sort(byTime)) {
    if (attempt.deviceId && !devices.has(attempt.deviceId)) {
      signals.push({
        code: "NEW_DEVICE",
        severity: "medium",
        title: "Sign-in from a new device",
        explanation: `A sign-in succeeded from a device this account had not used before (${attempt.city ?? "unknown place"}, ${attempt.country ?? "??"}, IP ${attempt.ip}). If the customer does not recognise it, treat the account as compromised.`,
        at: attempt.occurredAt,
        attemptIds: [attempt.id],
        deliveryIds: [],
      });
      devices.add(attempt.deviceId);
    }
    if (attempt.country && !countries.has(attempt.country)) {
      signals.push({
        code: "NEW_COUNTRY",
        severity: "medium",
        title: "Sign-in from a new country",
        explanation: `A sign-in succeeded from ${attempt.country}, a country this account had not signed in from before.`,
        at: attempt.occurredAt,
        attemptIds: [attempt.id],
        deliveryIds: [],
      });
      countries.add(attempt.country);
    }
  }
  return signals;
}

export function findImpossibleTravel(attempts: AttemptFact[]): RiskSignal[] {
  const located = attempts
    .filter((item) => item.outcome === "SUCCESS" && item.latitude !== null && item.longitude !== null)
    .sort(byTime);
  const signals: RiskSignal[] = [];
  for (let index = 1; index < located.length; index++) {
    const before = located[index - 1];
    const after = located[index];
    if (!before || !after) continue;
    const km = distanceKm(
      { lat: before.latitude ?? 0, lon: before.longitude ?? 0 },
      { lat: after.latitude ?? 0, lon: after.longitude ?? 0 },
    );
    const hours = Math.max((after.occurredAt.getTime() - before.occurredAt.getTime()) / 3_600_000, 1 / 60);
    const speed = km / hours;
    if (km >= THRESHOLDS.travelMinKm && speed > THRESHOLDS.travelKmPerHour) {
      signals.push({
        code: "IMPOSSIBLE_TRAVEL",
        severity: "high",
        title: "Impossible travel",
        explanation: `Two sign-ins ${plural(minutesBetween(before.occurredAt, after.occurredAt), "minute")} apart were ${Math.round(km).toLocaleString("en-GB")} km apart (${before.city ?? before.country ?? "?"} → ${after.city ?? after.country ?? "?"}), about ${Math.round(speed).toLocaleString("en-GB")} km/h. One person cannot travel that fast; two people are using the account, or a VPN is in play.`,
        at: after.occurredAt,
        attemptIds: [before.id, after.id],
        deliveryIds: [],
      });
    }
  }
  return signals;
}

export function findRepeatedWrongCodes(attempts: AttemptFact[]): RiskSignal[] {
  const wrong = attempts.filter((item) => item.outcome === "CODE_WRONG");
  return runsOf(wrong, (attempt) => attempt.occurredAt, THRESHOLDS.wrongCodeGapMs)
    .filter((run) => run.length >= THRESHOLDS.wrongCodes)
    .map((run) => ({
      code: "REPEATED_WRONG_CODES" as const,
      severity: "medium" as const,
      title: "Repeated wrong codes",
      explanation: `${plural(run.length, "wrong code")} were entered in a row. Someone may be guessing codes, or trying to get the customer to read one out.`,
      at: run[run.length - 1]?.occurredAt ?? new Date(0),
      attemptIds: run.map((attempt) => attempt.id),
      deliveryIds: [],
    }));
}

const CHANGE_WORDS: Record<ChangeFact["kind"], string> = {
  EMAIL_CHANGED: "the email address was changed",
  PHONE_CHANGED: "the phone number was changed",
  PASSWORD_CHANGED: "the password was changed",
  FACTOR_ADDED: "a sign-in method was added",
  FACTOR_REMOVED: "a sign-in method was removed",
};

export function findSignInAfterChange(attempts: AttemptFact[], changes: ChangeFact[]): RiskSignal[] {
  const signals: RiskSignal[] = [];
  for (const change of [...changes].sort(byTime)) {
    const after = attempts
      .filter(
        (item) =>
          item.outcome === "SUCCESS" &&
          item.occurredAt > change.occurredAt &&
          item.occurredAt.getTime() - change.occurredAt.getTime() <= THRESHOLDS.afterChangeWindowMs,
      )
      .sort(byTime);
    const first = after[0];
    if (first) {
      signals.push({
        code: "SIGN_IN_AFTER_CHANGE",
        severity: "medium",
        title: "Sign-in soon after a security change",
        explanation: `A sign-in followed ${plural(minutesBetween(change.occurredAt, first.occurredAt), "minute")} after ${CHANGE_WORDS[change.kind]}. Attackers change contact details first so that codes and warnings go to them.`,
        at: first.occurredAt,
        attemptIds: after.map((attempt) => attempt.id),
        deliveryIds: [],
      });
    }
  }
  return signals;
}

export function findSharedIps(sharedIps: RiskInput["sharedIps"]): RiskSignal[] {
  return sharedIps
    .filter((entry) => entry.accounts >= THRESHOLDS.sharedIpAccounts)
    .map((entry) => ({
      code: "SHARED_IP" as const,
      severity: "high" as const,
      title: "Address used against many accounts",
      explanation: `The address ${entry.ip}, used on this account, tried ${entry.accounts.toLocaleString("en-GB")} different accounts in the last 30 days. That is credential stuffing: passwords leaked elsewhere being tried here.`,
      at: entry.at,
      attemptIds: [],
      deliveryIds: [],
    }));
}

export function findRecentScamReports(reports: RiskInput["scamReports"]): RiskSignal[] {
  return reports.map((report) => ({
    code: "RECENT_SCAM_REPORT" as const,
    severity: "high" as const,
    title: "Customer reported a scam contact",
    explanation: `The customer reported a scam call or message (${report.reference}). Scammers who call are often the same people trying to get into the account: check what happened right after.`,
    at: report.contactedAt,
    attemptIds: [],
    deliveryIds: [],
  }));
}

/** All signals, most recent first. */
export function computeRiskSignals(input: RiskInput): RiskSignal[] {
  const flagged: RiskSignal[] = input.flaggedAt
    ? [
        {
          code: "FLAGGED",
          severity: "high",
          title: "Account flagged",
          explanation: "Staff or the customer flagged this account as possibly compromised.",
          at: input.flaggedAt,
          attemptIds: [],
          deliveryIds: [],
        },
      ]
    : [];
  return [
    ...flagged,
    ...findOtpBursts(input.deliveries),
    ...findNewDevicesAndCountries(input),
    ...findImpossibleTravel(input.attempts),
    ...findRepeatedWrongCodes(input.attempts),
    ...findSignInAfterChange(input.attempts, input.changes),
    ...findSharedIps(input.sharedIps),
    ...findRecentScamReports(input.scamReports),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}
