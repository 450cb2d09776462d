// The "this wasn't me" link in reset notifications: the reset id and the time the link was made,
// signed (lib/forms/signing.ts), so it cannot be forged, pointed at another reset or kept forever.
// It needs no table of its own. Following it twice is harmless (it flags the account and reopens
// the case once); after 30 days it is refused and the page asks the customer to call us instead.
import { signValue, verifySignedValue } from "@/lib/forms/signing";

const PURPOSE = "not-me-link/v2";
export const NOT_ME_LINK_DAYS = 30;

export function notMeToken(resetId: string, now = Date.now()): string {
  const value = `${resetId}.${Math.floor(now / 1000)}`;
  return `${value}.${signValue(PURPOSE, value)}`;
}

/** The reset id the token names, or null when we did not make it, it was altered, or it expired. */
export function readNotMeToken(token: string, now = Date.now()): string | null {
  // The whole token, exactly: nothing before or after it is ignored.
  const match =
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{10})\.([A-Za-z0-9_-]{32})$/.exec(
      token,
    );
  if (!match) return null;
  const [, resetId = "", issued = "", signature = ""] = match;
  if (!verifySignedValue(PURPOSE, `${resetId}.${issued}`, signature)) return null;
  const ageSeconds = now / 1000 - Number(issued);
  return ageSeconds >= -300 && ageSeconds <= NOT_ME_LINK_DAYS * 86_400 ? resetId : null;
}
