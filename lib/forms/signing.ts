// Short HMAC signatures for values the server hands out and gets back from a browser (form timing
// tokens, confirmation links). Keys are derived from NEXTAUTH_SECRET per purpose, so a signature
// made for one purpose is worthless for another and the session secret itself is never used raw.
import { createHmac, timingSafeEqual } from "node:crypto";
import { requiredEnv } from "@/lib/env";

function keyFor(purpose: string): Buffer {
  return createHmac("sha256", requiredEnv("NEXTAUTH_SECRET")).update(`asd-signing:${purpose}`).digest();
}

export function signValue(purpose: string, value: string): string {
  return createHmac("sha256", keyFor(purpose)).update(value).digest("base64url").slice(0, 32);
}

export function verifySignedValue(purpose: string, value: string, signature: string): boolean {
  const expected = Buffer.from(signValue(purpose, value));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
