// (d) Tom Hughes swapped two digits of his own number, so a code went to Aisha Rahman, whose account
// has that number; a minute later he typed it right and signed in.
import { MINUTE, SECOND, type Device } from "../customer-profile";
import { CODE_LIFETIME } from "../customer-history";
import type { DemoRows } from "../demo-rows";
import type { Random } from "../random";
import { MISTYPED_NUMBER } from "../stories";
import { homeContext, type Cast } from "./cast";

export function writeMistypedNumber(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const tom = cast.mistypedBy;
  const aisha = cast.mistypedRecipient;
  const context = homeContext(tom.profile, tom.profile.devices[0] as Device);
  const at = now - MISTYPED_NUMBER.sentAgo + rng.between(0, MINUTE);

  // The typed number belongs to Aisha's account, so the identity system sent the code to her.
  const wrongFlow = rows.nextFlowId();
  rows.addAttempt({
    customer: aisha.history.ref,
    identifier: MISTYPED_NUMBER.typedNumber,
    flowId: wrongFlow,
    at,
    outcome: "CODE_SENT",
    factor: "SMS",
    context,
  });
  rows.addOtp({
    customer: aisha.history.ref,
    flowId: wrongFlow,
    sentAt: at + 700,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: aisha.history.codeFactor.masked,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: at + 700 + CODE_LIFETIME,
    usedAt: null,
    context,
  });

  const rightAt = at + 55 * SECOND;
  const rightFlow = rows.nextFlowId();
  const tomPhone = tom.profile.phone as string;
  rows.addAttempt({
    customer: tom.history.ref,
    identifier: tomPhone,
    flowId: rightFlow,
    at: rightAt,
    outcome: "CODE_SENT",
    factor: "SMS",
    context,
  });
  rows.addOtp({
    customer: tom.history.ref,
    flowId: rightFlow,
    sentAt: rightAt + 600,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: tom.history.codeFactor.masked,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: rightAt + 600 + CODE_LIFETIME,
    usedAt: rightAt + 40 * SECOND,
    context,
  });
  rows.addAttempt({
    customer: tom.history.ref,
    identifier: tomPhone,
    flowId: rightFlow,
    at: rightAt + 40 * SECOND,
    outcome: "SUCCESS",
    factor: "SMS",
    context,
  });
}
