// Staff TOTP (RFC 6238): SHA-1, 6 digits, 30 s steps, one step of clock drift either way.
// No "server-only" import: the seed and the create-admin CLI use this too.
import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

const ISSUER = "Account Security Desk";
export const TOTP_PERIOD_SECONDS = 30;

/** 20 random bytes, base32: what authenticator apps expect. */
export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(accountEmail: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: accountEmail, secret });
}

export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

export function generateTotpCode(secret: string, at = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at / 1000) });
}

export type TotpCheck = { valid: false } | { valid: true; timeStep: number };

/**
 * Checks the code against the secret with ±1 step tolerance. The caller must still claim the
 * returned time step atomically (claimTotpStep), which is what makes a code usable once.
 */
export async function checkTotpCode(secret: string, code: string, at = Date.now()): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(at / 1000),
  });
  return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}
