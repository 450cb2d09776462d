// (b) OTP bombing: a script asks for sign-in codes to Olivia Bennett's phone again and again, from an
// address she never used, until the per-account limit refuses to send more. She uses none of them.
import { SECOND } from "../customer-profile";
import { CODE_LIFETIME } from "../customer-history";
import type { DemoRows, RequestContext } from "../demo-rows";
import type { Random } from "../random";
import { OTP_BOMBING } from "../stories";
import { CITY_COORDINATES, type Cast } from "./cast";

export function writeOtpBombing(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.otpBombing;
  const where = CITY_COORDINATES[OTP_BOMBING.city] ?? { lat: null, lon: null };
  const context: RequestContext = {
    ip: OTP_BOMBING.ip,
    country: OTP_BOMBING.country,
    city: OTP_BOMBING.city,
    ...where,
    deviceId: rows.nextDeviceId(),
    userAgent: OTP_BOMBING.userAgent,
  };
  const start = now - OTP_BOMBING.startsAgo;
  const phone = profile.phone as string;
  // A script asks for a code again and again by typing her number into "sign in with a code".
  for (let i = 0; i < OTP_BOMBING.codes; i++) {
    const at = start + i * OTP_BOMBING.codeInterval + rng.between(0, 3 * SECOND);
    const flowId = rows.nextFlowId();
    rows.addAttempt({
      customer: history.ref,
      identifier: phone,
      flowId,
      at,
      outcome: "CODE_SENT",
      factor: "SMS",
      context,
    });
    rows.addOtp({
      customer: history.ref,
      flowId,
      sentAt: at + 600,
      purpose: "SIGN_IN",
      channel: "SMS",
      destinationMasked: history.codeFactor.masked,
      status: "DELIVERED",
      statusReason: null,
      expiresAt: at + 600 + CODE_LIFETIME,
      usedAt: null,
      context,
    });
  }
  // Then the per-account limit starts refusing to send more.
  const blockedFrom = start + OTP_BOMBING.codes * OTP_BOMBING.codeInterval;
  for (let i = 0; i < OTP_BOMBING.blockedAfter; i++) {
    rows.addAttempt({
      customer: history.ref,
      identifier: phone,
      flowId: rows.nextFlowId(),
      at: blockedFrom + i * 15 * SECOND + rng.between(0, 2 * SECOND),
      outcome: "BLOCKED",
      factor: null,
      context,
    });
  }
}
