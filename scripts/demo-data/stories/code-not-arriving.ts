// (g) Ben Carter's sign-in texts stopped arriving after he changed network.
import { HOUR, MINUTE, SECOND, type Device } from "../customer-profile";
import { CODE_LIFETIME } from "../customer-history";
import type { DemoRows } from "../demo-rows";
import { maskEmail } from "../masking";
import type { Random } from "../random";
import { homeContext, type Cast } from "./cast";

export function writeCodeNotArriving(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.codeNotArriving;
  const device = profile.devices[0] as Device;
  const context = homeContext(profile, device);
  const email = maskEmail(profile.row.emailNormalized);
  // Texts leave the gateway but no delivery receipt ever comes back; an email code gets him in.
  for (const ago of [44 * HOUR, 20 * HOUR]) {
    const start = now - ago + rng.between(0, 10 * MINUTE);
    const flowId = rows.nextFlowId();
    const steps = [0, 2 * MINUTE, 4 * MINUTE];
    steps.forEach((offset, i) => {
      const at = start + offset;
      const byEmail = i === steps.length - 1;
      rows.addAttempt({
        customer: history.ref,
        identifier: profile.signInIdentifier,
        flowId,
        at,
        outcome: "CODE_SENT",
        factor: byEmail ? "EMAIL" : "SMS",
        context,
      });
      rows.addOtp({
        customer: history.ref,
        flowId,
        sentAt: at + 800,
        purpose: "SIGN_IN",
        channel: byEmail ? "EMAIL" : "SMS",
        destinationMasked: byEmail ? email : history.codeFactor.masked,
        status: byEmail ? "DELIVERED" : "SENT",
        statusReason: null,
        expiresAt: at + 800 + CODE_LIFETIME,
        usedAt: byEmail ? at + 70 * SECOND : null,
        context,
      });
    });
    rows.addAttempt({
      customer: history.ref,
      identifier: profile.signInIdentifier,
      flowId,
      at: start + 4 * MINUTE + 70 * SECOND,
      outcome: "SUCCESS",
      factor: "EMAIL",
      context,
    });
  }
}
