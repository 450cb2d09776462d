// Plays out months of ordinary account life for one customer: sign-in flows (with typos, retries,
// expired and resent codes), codes for deliveries and payments, contact and factor changes, and the
// sessions that the successful sign-ins left behind.
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  type Clock,
  type CustomerProfile,
  type Device,
  type FactorPlan,
} from "./customer-profile";
import type { DemoRows, FactorType, LoginOutcome, OtpChannel, OtpStatus, RequestContext } from "./demo-rows";
import { maskEmail, maskPhone } from "./masking";
import type { Random } from "./random";

type FlowKind =
  | "code"
  | "strong"
  | "typo"
  | "typo-twice"
  | "retry"
  | "expired"
  | "resend"
  | "abandoned"
  | "gave-up"
  | "locked";

/** One step of a sign-in flow; a code step carries the code it sent and which later step used it. */
type Step = {
  after: number;
  outcome: LoginOutcome;
  factor: FactorType | null;
  code?: { channel: OtpChannel; status: OtpStatus; reason: string | null; usedByStep: number | null };
};

/** Failure reasons as SMS and email gateways report them. */
const SMS_FAILURES = [
  "Handset unreachable",
  "Carrier rejected the message",
  "Number temporarily out of service",
  "Delivery timed out",
];
const EMAIL_FAILURES = ["Mailbox full", "Recipient server unavailable", "Message rejected as spam"];

export const CODE_LIFETIME = 10 * MINUTE;

/** How the customer receives sign-in codes: their SMS factor if they have one, else email. */
export type CodeFactor = { type: "SMS" | "EMAIL"; channel: "SMS" | "EMAIL"; masked: string };

export function codeFactorOf(profile: CustomerProfile): CodeFactor {
  // A number removed later (a changed phone) still received the codes sent before the change.
  const sms =
    profile.factors.find((f) => f.type === "SMS" && f.removedAt === null) ??
    profile.factors.find((f) => f.type === "SMS");
  if (sms?.destination)
    return { type: "SMS", channel: "SMS", masked: maskPhone(sms.destination, profile.country.dialCode) };
  return { type: "EMAIL", channel: "EMAIL", masked: maskEmail(profile.row.emailNormalized) };
}

export function failureReason(rng: Random, channel: OtpChannel): string {
  return rng.pick(channel === "EMAIL" ? EMAIL_FAILURES : SMS_FAILURES);
}

function strongFactorOf(profile: CustomerProfile, at: number): FactorPlan | undefined {
  return profile.factors.find(
    (f) =>
      (f.type === "PASSKEY" || f.type === "AUTHENTICATOR_APP") &&
      f.enrolledAt <= at &&
      (f.removedAt === null || f.removedAt > at),
  );
}

// Step builders for stepsFor: module-level functions rather than closures, because stepsFor runs
// for every flow of every customer.
function deliveredCode(rng: Random, code: CodeFactor, usedByStep: number | null): Step["code"] {
  // A few carriers never send a delivery receipt, though the code arrives.
  return { channel: code.channel, status: rng.chance(0.03) ? "SENT" : "DELIVERED", reason: null, usedByStep };
}

function codeSentStep(rng: Random, code: CodeFactor, usedByStep: number | null, after?: number): Step {
  return {
    after: after ?? rng.between(5 * SECOND, 40 * SECOND),
    outcome: "CODE_SENT",
    factor: code.type,
    code: deliveredCode(rng, code, usedByStep),
  };
}

function successStep(rng: Random, factor: FactorType): Step {
  return { after: rng.between(15 * SECOND, 90 * SECOND), outcome: "SUCCESS", factor };
}

function wrongPasswordStep(rng: Random, after?: number): Step {
  return {
    after: after ?? rng.between(4 * SECOND, 30 * SECOND),
    outcome: "WRONG_PASSWORD",
    factor: "PASSWORD",
  };
}

function stepsFor(kind: FlowKind, rng: Random, code: CodeFactor, strong: FactorType | null): Step[] {
  switch (kind) {
    case "strong":
      return [{ after: 0, outcome: "SUCCESS", factor: strong ?? code.type }];
    case "code":
      return [codeSentStep(rng, code, 1, 0), successStep(rng, code.type)];
    case "typo":
      return [wrongPasswordStep(rng, 0), codeSentStep(rng, code, 2), successStep(rng, code.type)];
    case "typo-twice":
      return [
        wrongPasswordStep(rng, 0),
        wrongPasswordStep(rng),
        codeSentStep(rng, code, 3),
        successStep(rng, code.type),
      ];
    case "retry":
      return [
        codeSentStep(rng, code, 2, 0),
        { after: rng.between(15 * SECOND, 90 * SECOND), outcome: "CODE_WRONG", factor: code.type },
        successStep(rng, code.type),
      ];
    case "expired":
      return [
        codeSentStep(rng, code, null, 0),
        {
          after: CODE_LIFETIME + rng.between(MINUTE, 25 * MINUTE),
          outcome: "CODE_EXPIRED",
          factor: code.type,
        },
        codeSentStep(rng, code, 3),
        successStep(rng, code.type),
      ];
    case "resend": {
      // The first code is late or lost; the customer asks again, by voice call when SMS let them down.
      const failed = rng.chance(0.4);
      const first: Step = {
        after: 0,
        outcome: "CODE_SENT",
        factor: code.type,
        code: {
          channel: code.channel,
          status: failed ? "FAILED" : "SENT",
          reason: failed ? failureReason(rng, code.channel) : null,
          usedByStep: null,
        },
      };
      const again = codeSentStep(rng, code, 2, rng.between(45 * SECOND, 3 * MINUTE));
      if (again.code && code.channel === "SMS" && rng.chance(0.25)) again.code.channel = "VOICE";
      return [first, again, successStep(rng, code.type)];
    }
    case "abandoned":
      return [codeSentStep(rng, code, null, 0)];
    case "gave-up":
      return rng.chance(0.5)
        ? [wrongPasswordStep(rng, 0)]
        : [wrongPasswordStep(rng, 0), wrongPasswordStep(rng)];
    case "locked":
      return [
        wrongPasswordStep(rng, 0),
        wrongPasswordStep(rng),
        wrongPasswordStep(rng),
        wrongPasswordStep(rng),
        { after: rng.between(2 * SECOND, 20 * SECOND), outcome: "LOCKED", factor: "PASSWORD" },
      ];
  }
}

function pickFlowKind(rng: Random, calm: boolean, hasStrong: boolean): FlowKind {
  if (hasStrong && rng.chance(0.55)) return "strong";
  if (calm)
    return rng.weighted<FlowKind>([
      ["code", 90],
      ["typo", 6],
      ["retry", 4],
    ]);
  return rng.weighted<FlowKind>([
    ["code", 60],
    ["typo", 10],
    ["typo-twice", 2],
    ["retry", 6],
    ["expired", 4],
    ["resend", 5],
    ["abandoned", 6],
    ["gave-up", 4],
    ["locked", 0.5],
  ]);
}

/** A flow kind with exactly `steps` attempts (1 to 4), for the last flow of a customer's budget. */
function fittingFlowKind(steps: number, hasStrong: boolean): FlowKind {
  if (steps <= 1) return hasStrong ? "strong" : "abandoned";
  if (steps === 2) return "code";
  if (steps === 3) return "typo";
  return "typo-twice";
}

/** Moves a time of day into waking hours (local), most of the time. */
function daytime(rng: Random, at: number, utcOffsetHours: number): number {
  const localHour = (((at / HOUR + utcOffsetHours) % 24) + 24) % 24;
  if (localHour < 7 && rng.chance(0.9)) return at + (7 - localHour + rng.between(0, 12)) * HOUR;
  return at;
}

function pickDevice(rng: Random, devices: readonly Device[], at: number): Device {
  const usable = devices.filter((d) => d.since <= at && (d.until === null || d.until > at));
  const pool = usable.length > 0 ? usable : devices;
  // The first usable device is the everyday one.
  return rng.chance(0.7) ? (pool[0] as Device) : rng.pick(pool);
}

/**
 * Where a sign-in at `at` comes from: home broadband, mobile data, or the trip's hotel. Home and
 * hotel contexts are the same object for every sign-in of a device (`cache`), which saves
 * millions of allocations in a large seed.
 */
export function contextFor(
  rng: Random,
  profile: CustomerProfile,
  device: Device,
  at: number,
  cache?: Map<string, RequestContext>,
): RequestContext {
  const trip = profile.trip;
  const onTrip = trip !== null && at >= trip.from && at <= trip.to;
  if (!onTrip && device.profile.kind === "phone" && rng.chance(0.35)) {
    // Mobile data: a fresh address from the carrier's pool each time.
    const home = profile.home;
    const group = () => rng.int(1, 0xffff).toString(16);
    const ip = `2001:db8:${(0xa000 + rng.int(0, 15)).toString(16)}:${group()}:${group()}:${group()}:${group()}:${group()}`;
    return {
      ip,
      country: home.country,
      city: home.city,
      lat: home.lat,
      lon: home.lon,
      deviceId: device.id,
      userAgent: device.profile.userAgent,
    };
  }
  const key = onTrip ? `trip:${device.id}` : device.id;
  const cached = cache?.get(key);
  if (cached) return cached;
  const place = onTrip
    ? {
        ip: trip.ip,
        country: trip.place.country,
        city: trip.place.city,
        lat: trip.place.lat,
        lon: trip.place.lon,
      }
    : profile.home;
  const context: RequestContext = {
    ip: place.ip,
    country: place.country,
    city: place.city,
    lat: place.lat,
    lon: place.lon,
    deviceId: device.id,
    userAgent: device.profile.userAgent,
  };
  cache?.set(key, context);
  return context;
}

/** What the history left behind that stories build on. */
export type HistoryResult = {
  ref: number;
  codeFactor: CodeFactor;
  /** The latest successful sign-in per device. */
  lastSuccess: Map<string, { at: number; context: RequestContext }>;
};

/**
 * Writes the customer, their factors, exactly `attemptsTarget` login attempts, the codes those
 * flows sent, other codes, changes and sessions. Everything happens inside [historyStart, historyEnd].
 */
export function writeCustomerHistory(
  rows: DemoRows,
  rng: Random,
  profile: CustomerProfile,
  clock: Clock,
  attemptsTarget: number,
): HistoryResult {
  const ref = rows.addCustomer(profile.row);
  const code = codeFactorOf(profile);
  const start = Math.max(clock.historyStart, profile.row.createdAt + HOUR);
  const end = clock.historyEnd;

  // Plan flows until the attempt budget is spent exactly: the flow that would overshoot is replaced
  // by a shorter kind that fits (cutting it short instead would leave a half-finished sign-in).
  const flows: { kind: FlowKind; at: number; steps: Step[] }[] = [];
  let planned = 0;
  while (planned < attemptsTarget) {
    const at = Math.min(
      daytime(rng, rng.between(start, end - HOUR), profile.country.utcOffsetHours),
      end - HOUR,
    );
    const strong = strongFactorOf(profile, at);
    let kind = pickFlowKind(rng, profile.calm, strong !== undefined);
    let steps = stepsFor(kind, rng, code, strong?.type ?? null);
    const remaining = attemptsTarget - planned;
    if (steps.length > remaining) {
      kind = fittingFlowKind(remaining, strong !== undefined);
      steps = stepsFor(kind, rng, code, strong?.type ?? null).slice(0, remaining);
    }
    flows.push({ kind, at, steps });
    planned += steps.length;
  }
  flows.sort((a, b) => a.at - b.at);

  const lastSuccess = new Map<string, { at: number; context: RequestContext }>();
  const factorLastUsed = new Map<FactorType, number>();
  const passwordChangedAfterRecovery: { at: number; context: RequestContext }[] = [];
  const contexts = new Map<string, RequestContext>();

  for (const [flowIndex, flow] of flows.entries()) {
    // A calm customer's first sign-ins use each of their devices in turn, so no device of theirs
    // first appears late in the history (which would read as a "new device" signal).
    const device =
      profile.calm && flowIndex < profile.devices.length
        ? (profile.devices[flowIndex] as Device)
        : pickDevice(rng, profile.devices, flow.at);
    const context = contextFor(rng, profile, device, flow.at, contexts);
    const steps = flow.steps;
    const flowId = rows.nextFlowId();

    const times: number[] = [];
    let t = flow.at;
    for (const step of steps) {
      t += step.after;
      times.push(t);
    }
    steps.forEach((step, i) => {
      const at = times[i] as number;
      rows.addAttempt({
        customer: ref,
        identifier: profile.signInIdentifier,
        flowId,
        at,
        outcome: step.outcome,
        factor: step.factor,
        context,
      });
      if (step.code) {
        const sentAt = at + rng.between(300, 1500);
        const usedAt =
          step.code.usedByStep !== null && step.code.usedByStep < steps.length
            ? (times[step.code.usedByStep] ?? null)
            : null;
        rows.addOtp({
          customer: ref,
          flowId,
          sentAt,
          purpose: "SIGN_IN",
          channel: step.code.channel,
          destinationMasked: code.masked,
          status: step.code.status,
          statusReason: step.code.reason,
          expiresAt: sentAt + CODE_LIFETIME,
          usedAt,
          context,
        });
      }
      if (step.outcome === "SUCCESS" && step.factor) {
        factorLastUsed.set(step.factor, at);
        const previous = lastSuccess.get(device.id);
        if (!previous || previous.at < at) lastSuccess.set(device.id, { at, context });
        // Some sign-ins lead to a checkout that asks for a payment code.
        if (rng.chance(0.12))
          writePaymentCode(rows, rng, ref, code, at + rng.between(2 * MINUTE, 25 * MINUTE), context, end);
      }
    });
    // After giving up on the password, some reset it with an emailed recovery code.
    if (flow.kind === "gave-up" && !profile.calm && rng.chance(0.4)) {
      const at = (times[times.length - 1] ?? flow.at) + rng.between(MINUTE, 10 * MINUTE);
      if (at < end) {
        rows.addOtp({
          customer: ref,
          flowId: rows.nextFlowId(),
          sentAt: at,
          purpose: "RECOVERY",
          channel: "EMAIL",
          destinationMasked: maskEmail(profile.row.emailNormalized),
          status: "DELIVERED",
          statusReason: null,
          expiresAt: at + 30 * MINUTE,
          usedAt: at + rng.between(MINUTE, 8 * MINUTE),
          context,
        });
        passwordChangedAfterRecovery.push({ at: at + 9 * MINUTE, context });
      }
    }
  }

  writeDeliveryCodes(rows, rng, ref, profile, clock, attemptsTarget);
  const lastChange = writeAccountChanges(rows, rng, ref, profile, clock, code, passwordChangedAfterRecovery);
  writeFactors(rows, ref, profile, factorLastUsed);
  writeSessions(rows, rng, ref, profile, clock, lastSuccess);
  if (lastChange !== null) profile.row.updatedAt = Math.max(profile.row.updatedAt, lastChange);
  return { ref, codeFactor: code, lastSuccess };
}

function writePaymentCode(
  rows: DemoRows,
  rng: Random,
  ref: number,
  code: CodeFactor,
  at: number,
  context: RequestContext,
  end: number,
) {
  if (at >= end) return;
  const used = rng.chance(0.93);
  rows.addOtp({
    customer: ref,
    flowId: rows.nextFlowId(),
    sentAt: at,
    purpose: "PAYMENT",
    channel: code.channel,
    destinationMasked: code.masked,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: at + 5 * MINUTE,
    usedAt: used ? at + rng.between(10 * SECOND, 2 * MINUTE) : null,
    context,
  });
}

/** Couriers' "give this code to the driver" messages: asked for by the shop's systems, not a person. */
function writeDeliveryCodes(
  rows: DemoRows,
  rng: Random,
  ref: number,
  profile: CustomerProfile,
  clock: Clock,
  attemptsTarget: number,
) {
  const count = Math.round((attemptsTarget / 12) * rng.between(0.3, 1.7));
  const channel: OtpChannel = profile.phone ? "SMS" : "EMAIL";
  const masked = profile.phone
    ? maskPhone(profile.phone, profile.country.dialCode)
    : maskEmail(profile.row.emailNormalized);
  const start = Math.max(clock.historyStart, profile.row.createdAt + DAY);
  for (let i = 0; i < count; i++) {
    const day = Math.floor(rng.between(start, clock.historyEnd - DAY) / DAY) * DAY;
    const sentAt = day + (7 - profile.country.utcOffsetHours) * HOUR + rng.between(0, 2 * HOUR);
    const failed = rng.chance(0.02);
    rows.addOtp({
      customer: ref,
      flowId: null,
      sentAt,
      purpose: "DELIVERY",
      channel,
      destinationMasked: masked,
      status: failed ? "FAILED" : "DELIVERED",
      statusReason: failed ? failureReason(rng, channel) : null,
      expiresAt: sentAt + DAY,
      usedAt: !failed && rng.chance(0.85) ? sentAt + rng.between(20 * MINUTE, 9 * HOUR) : null,
      context: null,
    });
  }
}

/** Factor enrolments and removals in the window, password and contact changes. Returns the latest. */
function writeAccountChanges(
  rows: DemoRows,
  rng: Random,
  ref: number,
  profile: CustomerProfile,
  clock: Clock,
  code: CodeFactor,
  passwordChanges: readonly { at: number; context: RequestContext }[],
): number | null {
  let latest: number | null = null;
  const homeDevice = profile.devices[0] as Device;
  const homeContext: RequestContext = {
    ...profile.home,
    deviceId: homeDevice.id,
    userAgent: homeDevice.profile.userAgent,
  };
  const record = (kind: Parameters<DemoRows["addChange"]>[1], at: number, context: RequestContext) => {
    rows.addChange(ref, kind, at, context);
    latest = latest === null ? at : Math.max(latest, at);
  };
  // A change of factor or contact details is confirmed with a code to a factor already on file.
  const confirmationCode = (at: number, context: RequestContext) =>
    rows.addOtp({
      customer: ref,
      flowId: rows.nextFlowId(),
      sentAt: at - rng.between(30 * SECOND, 2 * MINUTE),
      purpose: "FACTOR_CHANGE",
      channel: code.channel,
      destinationMasked: code.masked,
      status: "DELIVERED",
      statusReason: null,
      expiresAt: at + CODE_LIFETIME,
      usedAt: at - rng.between(5 * SECOND, 25 * SECOND),
      context,
    });

  for (const factor of profile.factors) {
    if (factor.enrolledAt >= clock.historyStart && factor.enrolledAt < clock.historyEnd) {
      confirmationCode(factor.enrolledAt, homeContext);
      record("FACTOR_ADDED", factor.enrolledAt, homeContext);
    }
    if (
      factor.removedAt !== null &&
      factor.removedAt >= clock.historyStart &&
      factor.removedAt < clock.historyEnd
    ) {
      record("FACTOR_REMOVED", factor.removedAt, homeContext);
    }
  }
  for (const change of passwordChanges) {
    if (change.at < clock.historyEnd) record("PASSWORD_CHANGED", change.at, change.context);
  }
  if (profile.calm) return latest;
  const someday = () =>
    daytime(
      rng,
      rng.between(Math.max(clock.historyStart, profile.row.createdAt + DAY), clock.historyEnd - DAY),
      profile.country.utcOffsetHours,
    );
  if (rng.chance(0.05)) record("PASSWORD_CHANGED", someday(), homeContext);
  if (rng.chance(0.01)) {
    const at = someday();
    confirmationCode(at, homeContext);
    record("EMAIL_CHANGED", at, homeContext);
  }
  if (profile.phone && rng.chance(0.015)) {
    const at = someday();
    confirmationCode(at, homeContext);
    record("PHONE_CHANGED", at, homeContext);
  }
  return latest;
}

function writeFactors(
  rows: DemoRows,
  ref: number,
  profile: CustomerProfile,
  lastUsed: ReadonlyMap<FactorType, number>,
) {
  for (const factor of profile.factors) {
    const used = lastUsed.get(factor.type);
    rows.addFactor({
      customer: ref,
      type: factor.type,
      label: factor.label,
      destination: factor.destination,
      enrolledAt: factor.enrolledAt,
      lastUsedAt:
        used !== undefined &&
        used > factor.enrolledAt &&
        (factor.removedAt === null || used < factor.removedAt)
          ? used
          : null,
      removedAt: factor.removedAt,
    });
  }
}

/** One session per device that signed in: the latest one, still live unless it expired or was ended. */
function writeSessions(
  rows: DemoRows,
  rng: Random,
  ref: number,
  profile: CustomerProfile,
  clock: Clock,
  lastSuccess: ReadonlyMap<string, { at: number; context: RequestContext }>,
) {
  for (const device of profile.devices) {
    const success = lastSuccess.get(device.id);
    if (!success) continue;
    let lastSeenAt = success.at + rng.between(0, 20 * DAY);
    if (lastSeenAt > clock.historyEnd) lastSeenAt = rng.between(success.at, clock.historyEnd);
    let revokedAt: number | null = null;
    let revokedReason: string | null = null;
    if (device.until !== null) {
      revokedAt = Math.min(device.until + rng.between(HOUR, 3 * DAY), clock.historyEnd);
      revokedReason = "Signed out by customer";
    } else if (lastSeenAt + 30 * DAY < clock.now) {
      revokedAt = lastSeenAt + 30 * DAY;
      revokedReason = "Expired after 30 days without use";
    } else if (!profile.calm && rng.chance(0.08)) {
      revokedAt = Math.min(lastSeenAt + rng.between(MINUTE, HOUR), clock.historyEnd);
      revokedReason = "Signed out by customer";
    }
    rows.addSession({
      customer: ref,
      deviceId: device.id,
      deviceLabel: device.profile.label,
      userAgent: device.profile.userAgent,
      ip: success.context.ip,
      country: success.context.country,
      city: success.context.city,
      createdAt: success.at,
      lastSeenAt,
      revokedAt,
      revokedReason,
    });
  }
}
