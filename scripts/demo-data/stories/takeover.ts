// (c) Marcus Reid's account taken over after a fake "fraud team" call: his own sign-in that morning,
// the attacker's sign-in with the code he read out, the password and phone changed and an order paid
// within minutes, and next morning his own password no longer working.
import { HOUR, MINUTE, SECOND, type Device } from "../customer-profile";
import { CODE_LIFETIME } from "../customer-history";
import type { DemoRows, RequestContext } from "../demo-rows";
import { maskPhone } from "../masking";
import type { Random } from "../random";
import { TAKEOVER } from "../stories";
import { homeContext, type Cast } from "./cast";

export function writeTakeover(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.takeover;
  const ref = history.ref;
  const t0 = now - TAKEOVER.signInAgo;
  const home = homeContext(profile, profile.devices[0] as Device);
  const oldNumber = history.codeFactor.masked;
  const newNumber = maskPhone(TAKEOVER.attackerPhone, "44");

  // His own ordinary sign-in that morning, from home: the "before" picture.
  const morning = t0 - 2 * HOUR - 10 * MINUTE;
  const morningFlow = rows.nextFlowId();
  rows.addAttempt({
    customer: ref,
    identifier: profile.signInIdentifier,
    flowId: morningFlow,
    at: morning,
    outcome: "CODE_SENT",
    factor: "SMS",
    context: home,
  });
  rows.addOtp({
    customer: ref,
    flowId: morningFlow,
    sentAt: morning + 700,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: oldNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: morning + 700 + CODE_LIFETIME,
    usedAt: morning + 48 * SECOND,
    context: home,
  });
  rows.addAttempt({
    customer: ref,
    identifier: profile.signInIdentifier,
    flowId: morningFlow,
    at: morning + 48 * SECOND,
    outcome: "SUCCESS",
    factor: "SMS",
    context: home,
  });

  const attacker: RequestContext = {
    ip: TAKEOVER.ip,
    country: TAKEOVER.country,
    city: TAKEOVER.city,
    lat: TAKEOVER.lat,
    lon: TAKEOVER.lon,
    deviceId: rows.nextDeviceId(),
    userAgent: TAKEOVER.userAgent,
  };
  // The code went to his phone; he read it out to the "fraud team"; it was used on their device.
  const flowId = rows.nextFlowId();
  const signedIn = t0 + 95 * SECOND;
  rows.addAttempt({
    customer: ref,
    identifier: profile.row.emailNormalized,
    flowId,
    at: t0,
    outcome: "CODE_SENT",
    factor: "SMS",
    context: attacker,
  });
  rows.addOtp({
    customer: ref,
    flowId,
    sentAt: t0 + 800,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: oldNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: t0 + 800 + CODE_LIFETIME,
    usedAt: signedIn,
    context: attacker,
  });
  rows.addAttempt({
    customer: ref,
    identifier: profile.row.emailNormalized,
    flowId,
    at: signedIn,
    outcome: "SUCCESS",
    factor: "SMS",
    context: attacker,
  });

  // Changing the password signs out every other session: his own phone loses its morning session.
  rows.addChange(ref, "PASSWORD_CHANGED", t0 + TAKEOVER.passwordChangedAfter, attacker);
  rows.addSession({
    customer: ref,
    deviceId: home.deviceId,
    deviceLabel: (profile.devices[0] as Device).profile.label,
    userAgent: home.userAgent,
    ip: home.ip,
    country: home.country,
    city: home.city,
    createdAt: morning + 48 * SECOND,
    lastSeenAt: morning + 40 * MINUTE,
    revokedAt: t0 + TAKEOVER.passwordChangedAfter,
    revokedReason: "Signed out after a password change",
  });
  const phoneChanged = t0 + TAKEOVER.phoneChangedAfter;
  rows.addOtp({
    customer: ref,
    flowId: rows.nextFlowId(),
    sentAt: phoneChanged - 40 * SECOND,
    purpose: "FACTOR_CHANGE",
    channel: "SMS",
    destinationMasked: newNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: phoneChanged - 40 * SECOND + CODE_LIFETIME,
    usedAt: phoneChanged - 5 * SECOND,
    context: attacker,
  });
  rows.addChange(ref, "PHONE_CHANGED", phoneChanged, attacker, {
    previous: TAKEOVER.originalPhone,
    next: TAKEOVER.attackerPhone,
  });
  rows.addChange(ref, "FACTOR_REMOVED", phoneChanged, attacker);
  rows.addChange(ref, "FACTOR_ADDED", phoneChanged, attacker);
  const paidAt = t0 + TAKEOVER.paymentAfter;
  rows.addFactor({
    customer: ref,
    type: "SMS",
    label: "Mobile",
    destination: TAKEOVER.attackerPhone,
    enrolledAt: phoneChanged,
    lastUsedAt: paidAt + 35 * SECOND,
    removedAt: null,
  });
  rows.addOtp({
    customer: ref,
    flowId: rows.nextFlowId(),
    sentAt: paidAt,
    purpose: "PAYMENT",
    channel: "SMS",
    destinationMasked: newNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: paidAt + 5 * MINUTE,
    usedAt: paidAt + 35 * SECOND,
    context: attacker,
  });
  rows.addSession({
    customer: ref,
    deviceId: attacker.deviceId,
    deviceLabel: TAKEOVER.deviceLabel,
    userAgent: TAKEOVER.userAgent,
    ip: TAKEOVER.ip,
    country: TAKEOVER.country,
    city: TAKEOVER.city,
    createdAt: signedIn,
    lastSeenAt: now - 35 * MINUTE,
    revokedAt: null,
    revokedReason: null,
  });

  // Next morning his own password no longer works.
  const lockedOut = t0 + TAKEOVER.customerLockedOutAfter;
  const lockFlow = rows.nextFlowId();
  for (let i = 0; i < 3; i++) {
    rows.addAttempt({
      customer: ref,
      identifier: profile.signInIdentifier,
      flowId: lockFlow,
      at: lockedOut + i * 40 * SECOND + rng.between(0, 5 * SECOND),
      outcome: "WRONG_PASSWORD",
      factor: "PASSWORD",
      context: home,
    });
  }
  rows.addAttempt({
    customer: ref,
    identifier: profile.signInIdentifier,
    flowId: lockFlow,
    at: lockedOut + 2 * MINUTE,
    outcome: "LOCKED",
    factor: "PASSWORD",
    context: home,
  });
}
