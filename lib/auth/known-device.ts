// "This browser has signed in as this staff member before": a signed cookie set at each successful
// sign-in (OWASP's device-cookie defence against lockout abuse). Attackers guessing passwords from
// elsewhere slow the account down for browsers without it, never for the owner's own browser.
// It proves nothing on its own: the password and second factor are still required.
import { appUrl } from "@/lib/env";
import { signValue, verifySignedValue } from "@/lib/forms/signing";

const PURPOSE = "known-device";
const LIFETIME_SECONDS = 180 * 86_400;

/** `__Host-` needs HTTPS; a local http:// desk uses the plain name. */
export function knownDeviceCookieName(): string {
  return appUrl().startsWith("https://") ? "__Host-desk-known-device" : "desk-known-device";
}

export function knownDeviceCookie(staffId: string, now = Date.now()) {
  const issued = Math.floor(now / 1000);
  const value = `${staffId}.${issued}`;
  return {
    name: knownDeviceCookieName(),
    value: `${value}.${signValue(PURPOSE, value)}`,
    options: {
      httpOnly: true,
      secure: appUrl().startsWith("https://"),
      sameSite: "lax" as const,
      path: "/",
      maxAge: LIFETIME_SECONDS,
    },
  };
}

/** The staff member a valid, unexpired cookie names, or null. */
export function knownDeviceStaffId(token: string | undefined | null, now = Date.now()): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{1,64})$/.exec(token ?? "");
  if (!match) return null;
  const [, staffId = "", issued = "", signature = ""] = match;
  if (!verifySignedValue(PURPOSE, `${staffId}.${issued}`, signature)) return null;
  return now / 1000 - Number(issued) <= LIFETIME_SECONDS ? staffId : null;
}
