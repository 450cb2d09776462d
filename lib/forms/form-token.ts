// Spam resistance for public forms without a third-party captcha: the page embeds a signed
// "issued at" time, and a submission is refused when it comes back sooner than a person could
// have filled the form, later than the page could reasonably stay open, or with a forged token.
// Together with a honeypot field and a per-client rate limit this stops form-filling bots; it is
// not meant to stop a determined human.
import { signValue, verifySignedValue } from "./signing";

export type FormTokenCheck =
  { ok: true } | { ok: false; reason: "missing" | "invalid" | "too-fast" | "expired" };

export type FormTokenRules = { minAgeMs: number; maxAgeMs: number };

export function issueFormToken(purpose: string, now = Date.now()): string {
  const issuedAt = String(now);
  return `${issuedAt}.${signValue(`form-token:${purpose}`, issuedAt)}`;
}

export function checkFormToken(
  token: unknown,
  purpose: string,
  rules: FormTokenRules,
  now = Date.now(),
): FormTokenCheck {
  if (typeof token !== "string" || token === "") return { ok: false, reason: "missing" };
  const match = /^(\d{13})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match?.[1] || !match[2] || !verifySignedValue(`form-token:${purpose}`, match[1], match[2]))
    return { ok: false, reason: "invalid" };
  const age = now - Number(match[1]);
  // A token from the future is forged or from a server with a broken clock: treat it as invalid.
  if (age < -60_000) return { ok: false, reason: "invalid" };
  if (age < rules.minAgeMs) return { ok: false, reason: "too-fast" };
  if (age > rules.maxAgeMs) return { ok: false, reason: "expired" };
  return { ok: true };
}
