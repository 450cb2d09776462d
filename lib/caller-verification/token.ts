// The secret in a confirmation link: 32 random bytes, base64url. Only its SHA-256 is stored, so
// the table (or a backup of it) cannot be used to answer a request; the link is the only copy.
import { createHash, randomBytes } from "node:crypto";

export const VERIFICATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newVerificationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashVerificationToken(token) };
}

export function hashVerificationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
