// Lines a scam contact up against the customer's account activity: sign-in attempts and codes sent
// from 2 hours before the reported contact to 24 hours after it. The pattern that matters most is a
// code sent to the customer and then used from a device the account had never used: the caller got
// the code and signed in with it (the likely takeover). Pure over plain rows; correlation-data.ts
// loads them.
import type { LoginAttemptRow, OtpDeliveryRow } from "@/lib/customers/activity";

export const CORRELATION_WINDOW = { beforeMs: 2 * 3_600_000, afterMs: 24 * 3_600_000 } as const;

/** A sign-in that used a code must happen close to the moment the code was marked used. */
const USE_MATCH_MS = 5 * 60_000;

export type CorrelatedAttempt = LoginAttemptRow & { offsetMs: number; newDevice: boolean; takeover: boolean };
export type CorrelatedDelivery = OtpDeliveryRow & {
  offsetMs: number;
  /** The device that used the code: the sign-in that consumed it, else the device that asked for it. */
  usedByDevice: string | null;
  usedOnNewDevice: boolean;
  takeover: boolean;
};

export type CorrelationFinding = {
  kind: "CODE_USED_ON_NEW_DEVICE" | "NEW_DEVICE_SIGN_IN" | "UNUSED_CODES" | "NO_BASELINE" | "QUIET";
  severity: "high" | "medium" | "info";
  title: string;
  explanation: string;
  at: Date | null;
  attemptIds: string[];
  deliveryIds: string[];
};

export type Correlation = {
  from: Date;
  to: Date;
  attempts: CorrelatedAttempt[];
  deliveries: CorrelatedDelivery[];
  findings: CorrelationFinding[];
  /** The first code used on a new device: what the "likely takeover" highlight points at. */
  likelyTakeover: { deliveryId: string; attemptId: string | null; at: Date } | null;
};

export type CorrelationInput = {
  contactedAt: Date;
  sharedSomething: boolean;
  attempts: LoginAttemptRow[];
  deliveries: OtpDeliveryRow[];
  knownDevices: ReadonlySet<string>;
};

export function correlationWindow(contactedAt: Date): { from: Date; to: Date } {
  return {
    from: new Date(contactedAt.getTime() - CORRELATION_WINDOW.beforeMs),
    to: new Date(contactedAt.getTime() + CORRELATION_WINDOW.afterMs),
  };
}

const PURPOSE_WORDS: Record<string, string> = {
  SIGN_IN: "sign-in",
  DELIVERY: "delivery",
  PAYMENT: "payment",
  FACTOR_CHANGE: "sign-in method change",
  RECOVERY: "account recovery",
};

/** "25 minutes after the reported contact", "1 hour 10 minutes before the reported contact". */
export function describeOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  if (minutes === 0) return "at the time of the reported contact";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours ? `${hours} hour${hours === 1 ? "" : "s"}` : "",
    rest ? `${rest} minute${rest === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return `${parts.join(" ")} ${offsetMs < 0 ? "before" : "after"} the reported contact`;
}

function matchSignIn(delivery: OtpDeliveryRow, attempts: LoginAttemptRow[]): LoginAttemptRow | null {
  if (!delivery.usedAt) return null;
  const usedAt = delivery.usedAt.getTime();
  const successes = attempts.filter(
    (attempt) =>
      attempt.outcome === "SUCCESS" && Math.abs(attempt.occurredAt.getTime() - usedAt) <= USE_MATCH_MS,
  );
  const sameFlow = delivery.flowId ? successes.filter((attempt) => attempt.flowId === delivery.flowId) : [];
  const pool = sameFlow.length
    ? sameFlow
    : successes.filter((attempt) => !delivery.flowId || !attempt.flowId);
  return (
    pool.sort(
      (a, b) => Math.abs(a.occurredAt.getTime() - usedAt) - Math.abs(b.occurredAt.getTime() - usedAt),
    )[0] ?? null
  );
}

function place(attempt: { city: string | null; country: string | null } | null, ip: string | null): string {
  const where = [attempt?.city, attempt?.country].filter(Boolean).join(", ") || "unknown place";
  return ip ? `${where}, IP ${ip}` : where;
}

export function correlate(input: CorrelationInput): Correlation {
  const { from, to } = correlationWindow(input.contactedAt);
  const contact = input.contactedAt.getTime();
  const baseline = input.knownDevices.size > 0;
  const isNew = (device: string | null) => baseline && device !== null && !input.knownDevices.has(device);
  const inWindow = <T>(time: Date, row: T) => (time >= from && time <= to ? [row] : []);

  const attempts = input.attempts
    .flatMap((attempt) => inWindow(attempt.occurredAt, attempt))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const deliveries = input.deliveries
    .flatMap((delivery) => inWindow(delivery.sentAt, delivery))
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());

  const takeoverAttemptIds = new Set<string>();
  const correlatedDeliveries: CorrelatedDelivery[] = deliveries.map((delivery) => {
    const signIn = matchSignIn(delivery, attempts);
    const usedByDevice = delivery.usedAt ? (signIn?.deviceId ?? delivery.requestDeviceId) : null;
    const usedOnNewDevice = delivery.usedAt !== null && isNew(usedByDevice);
    if (usedOnNewDevice && signIn) takeoverAttemptIds.add(signIn.id);
    return {
      ...delivery,
      offsetMs: delivery.sentAt.getTime() - contact,
      usedByDevice,
      usedOnNewDevice,
      takeover: usedOnNewDevice,
    };
  });
  const correlatedAttempts: CorrelatedAttempt[] = attempts.map((attempt) => ({
    ...attempt,
    offsetMs: attempt.occurredAt.getTime() - contact,
    newDevice: attempt.outcome === "SUCCESS" && isNew(attempt.deviceId),
    takeover: takeoverAttemptIds.has(attempt.id),
  }));

  const findings: CorrelationFinding[] = [];
  const usedOnNew = correlatedDeliveries.filter((delivery) => delivery.usedOnNewDevice);
  const first = usedOnNew[0];
  let likelyTakeover: Correlation["likelyTakeover"] = null;
  if (first?.usedAt) {
    const matched = matchSignIn(first, attempts);
    const signIn = matched ? (correlatedAttempts.find((attempt) => attempt.id === matched.id) ?? null) : null;
    likelyTakeover = { deliveryId: first.id, attemptId: signIn?.id ?? null, at: first.usedAt };
    const later = usedOnNew.slice(1);
    const usedAfterMinutes = Math.max(
      0,
      Math.round((first.usedAt.getTime() - first.sentAt.getTime()) / 60_000),
    );
    findings.push({
      kind: "CODE_USED_ON_NEW_DEVICE",
      severity: "high",
      title: "Likely takeover: a code sent to the customer was used on a new device",
      explanation:
        `A ${PURPOSE_WORDS[first.purpose] ?? first.purpose.toLowerCase()} code was sent by ${first.channel.toLowerCase()} to ${first.destinationMasked} ` +
        `${describeOffset(first.offsetMs)}, and used ${usedAfterMinutes === 0 ? "within a minute" : `${usedAfterMinutes} minute${usedAfterMinutes === 1 ? "" : "s"} later`} ` +
        `${signIn ? "to sign in " : ""}from a device this account had not used in the year before (${place(signIn, signIn?.ip ?? first.requestIp)}). ` +
        (input.sharedSomething
          ? "The reporter says they gave the caller something: the code was most likely read out to them."
          : "The reporter says they shared nothing, but the code was used all the same: ask how it could have been seen.") +
        (later.length
          ? ` Then ${later.length} more code${later.length === 1 ? " was" : "s were"} used from a new device (${later.map((delivery) => PURPOSE_WORDS[delivery.purpose] ?? delivery.purpose).join(", ")}).`
          : ""),
      at: first.usedAt,
      attemptIds: correlatedAttempts.filter((attempt) => attempt.takeover).map((attempt) => attempt.id),
      deliveryIds: usedOnNew.map((delivery) => delivery.id),
    });
  }

  const newDeviceSignIns = correlatedAttempts.filter((attempt) => attempt.newDevice && !attempt.takeover);
  for (const attempt of newDeviceSignIns) {
    findings.push({
      kind: "NEW_DEVICE_SIGN_IN",
      severity: "medium",
      title: "Sign-in from a new device",
      explanation: `A sign-in succeeded ${describeOffset(attempt.offsetMs)} from a device this account had not used in the year before (${place(attempt, attempt.ip)}).`,
      at: attempt.occurredAt,
      attemptIds: [attempt.id],
      deliveryIds: [],
    });
  }

  const unused = correlatedDeliveries.filter((delivery) => !delivery.usedAt && delivery.offsetMs >= 0);
  if (unused.length) {
    findings.push({
      kind: "UNUSED_CODES",
      severity: "info",
      title: `${unused.length} code${unused.length === 1 ? " was" : "s were"} sent after the contact and never used`,
      explanation:
        "Callers often trigger a code and ask for it. Unused codes mean the attempt probably failed, or the customer did not pass the code on.",
      at: unused[0]?.sentAt ?? null,
      attemptIds: [],
      deliveryIds: unused.map((delivery) => delivery.id),
    });
  }

  if (!baseline) {
    findings.push({
      kind: "NO_BASELINE",
      severity: "info",
      title: "No earlier sign-ins to compare with",
      explanation:
        "The account has no successful sign-ins in the year before this window, so no device can be called new.",
      at: null,
      attemptIds: [],
      deliveryIds: [],
    });
  }
  if (attempts.length === 0 && deliveries.length === 0) {
    findings.push({
      kind: "QUIET",
      severity: "info",
      title: "No sign-ins or codes around the contact",
      explanation:
        "Nothing happened on the account from 2 hours before to 24 hours after the reported contact. Check the time the reporter gave.",
      at: null,
      attemptIds: [],
      deliveryIds: [],
    });
  }

  return {
    from,
    to,
    attempts: correlatedAttempts,
    deliveries: correlatedDeliveries,
    findings,
    likelyTakeover,
  };
}
