// (f) Fiona MacLeod lost her phone: every code to her number fails while she tries from a new one.
import { HOUR, MINUTE, SECOND, type Device } from "../customer-profile";
import { CODE_LIFETIME } from "../customer-history";
import type { DemoRows } from "../demo-rows";
import type { Random } from "../random";
import { LOST_PHONE } from "../stories";
import { deviceProfile, homeContext, type Cast } from "./cast";

export function writeLostPhone(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.lostPhone;
  const newPhone: Device = {
    id: rows.nextDeviceId(),
    profile: deviceProfile(LOST_PHONE.newDeviceLabel),
    since: now - LOST_PHONE.firstFailureAgo,
    until: null,
  };
  const context = homeContext(profile, newPhone);
  const failed = (at: number, flowId: string, channel: "SMS" | "VOICE", reason: string) => {
    rows.addAttempt({
      customer: history.ref,
      identifier: profile.signInIdentifier,
      flowId,
      at,
      outcome: "CODE_SENT",
      factor: "SMS",
      context,
    });
    rows.addOtp({
      customer: history.ref,
      flowId,
      sentAt: at + 700,
      purpose: "SIGN_IN",
      channel,
      destinationMasked: history.codeFactor.masked,
      status: "FAILED",
      statusReason: reason,
      expiresAt: at + 700 + CODE_LIFETIME,
      usedAt: null,
      context,
    });
  };
  // Her number is on the lost phone, which is switched off: every code fails, even a voice call.
  const first = now - LOST_PHONE.firstFailureAgo;
  const flow = rows.nextFlowId();
  failed(first, flow, "SMS", "Handset unreachable");
  failed(first + 2 * MINUTE + rng.between(0, 20 * SECOND), flow, "SMS", "Handset unreachable");
  failed(first + 4 * MINUTE + rng.between(0, 20 * SECOND), flow, "VOICE", "No answer");
  failed(first + 35 * MINUTE, rows.nextFlowId(), "SMS", "Handset unreachable");
  failed(now - 6 * HOUR, rows.nextFlowId(), "SMS", "Handset unreachable");
}
