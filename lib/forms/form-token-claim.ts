// A form timing token (lib/forms/form-token.ts) may send its form once. The claim is a counter in
// the shared rate-limit table, keyed by the token's hash and kept as long as the token is valid,
// so every app instance refuses the second use. Only an accepted submission claims the token: a
// form sent back with field errors keeps it, so the person can correct and send again.
import "server-only";
import { createHash } from "node:crypto";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import type { FormTokenRules } from "./form-token";

/** True the first time a token is claimed, false every time after. */
export async function claimFormToken(token: unknown, rules: FormTokenRules): Promise<boolean> {
  const key = createHash("sha256").update(String(token)).digest("base64url");
  const claim = await hitRateLimit(
    { name: "form-token-used", limit: 1, windowSeconds: Math.ceil(rules.maxAgeMs / 1000) + 60 },
    key,
  );
  return claim.allowed;
}
