// (d) One sign-in code to Priya Shah's phone that she did not ask for, requested from an address abroad.
import { SECOND } from "../customer-profile";
import { CODE_LIFETIME } from "../customer-history";
import type { DemoRows, RequestContext } from "../demo-rows";
import type { Random } from "../random";
import { UNREQUESTED_CODE } from "../stories";
import { CITY_COORDINATES, type Cast } from "./cast";

export function writeUnrequestedCode(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.unrequestedCode;
  const where = CITY_COORDINATES[UNREQUESTED_CODE.city] ?? { lat: null, lon: null };
  const context: RequestContext = {
    ip: UNREQUESTED_CODE.ip,
    country: UNREQUESTED_CODE.country,
    city: UNREQUESTED_CODE.city,
    ...where,
    deviceId: rows.nextDeviceId(),
    userAgent: UNREQUESTED_CODE.userAgent,
  };
  const at = now - UNREQUESTED_CODE.sentAgo + rng.between(0, 30 * SECOND);
  const flowId = rows.nextFlowId();
  rows.addAttempt({
    customer: history.ref,
    identifier: profile.phone,
    flowId,
    at,
    outcome: "CODE_SENT",
    factor: "SMS",
    context,
  });
  rows.addOtp({
    customer: history.ref,
    flowId,
    sentAt: at + 650,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: history.codeFactor.masked,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: at + 650 + CODE_LIFETIME,
    usedAt: null,
    context,
  });
}
