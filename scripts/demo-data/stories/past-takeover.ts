// (g) Ian Fletcher's account was taken over weeks ago and his case is closed; his history still shows
// the password reset of that case.
import { DAY, HOUR, type Device } from "../customer-profile";
import type { DemoRows } from "../demo-rows";
import { homeContext, type Cast } from "./cast";

export function writePastTakeover(rows: DemoRows, cast: Cast, now: number) {
  const { profile, history } = cast.pastTakeover;
  const context = homeContext(profile, profile.devices[0] as Device);
  // The forced password reset during that case (the app he added then is in his factors).
  rows.addChange(history.ref, "PASSWORD_CHANGED", now - 41 * DAY + 2 * HOUR, context);
}
