// Who the desk is to a passkey: the WebAuthn relying party, derived from APP_URL so that a passkey
// made for this desk works only at this desk's address (the browser binds it to the RP ID, and the
// server checks the origin and RP ID hash of every answer).
import { appUrl, env, type Env } from "@/lib/env";

export type RelyingParty = { id: string; name: string; origin: string };

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "[::1]"]);

export function relyingParty(source: Env = env()): RelyingParty {
  const url = new URL(appUrl(source));
  // Browsers refuse IP addresses as RP IDs. A loopback APP_URL (the demo and the end-to-end suite
  // listen on 127.0.0.1) is served to passkeys as "localhost", the one name browsers treat as a
  // secure context over plain http; anywhere else passkeys need https.
  if (LOOPBACK_ADDRESSES.has(url.hostname)) url.hostname = "localhost";
  return { id: url.hostname, name: "Account Security Desk", origin: url.origin };
}
