// Chromium's virtual authenticator (CDP WebAuthn domain): a platform authenticator with resident
// keys and user verification that always says yes, for passkey ceremonies without a person.
import type { CDPSession, Page } from "@playwright/test";

export type VirtualAuthenticator = { cdp: CDPSession; authenticatorId: string };

export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}

/** The credentials it holds, private keys included (PKCS#8, base64): tests can answer as a copy of it. */
export async function storedCredentials(authenticator: VirtualAuthenticator) {
  const { credentials } = await authenticator.cdp.send("WebAuthn.getCredentials", {
    authenticatorId: authenticator.authenticatorId,
  });
  return credentials;
}
