"use server";

import { passkeyOptionsSchema } from "@/lib/auth/passkey-schemas";
import { passkeyChallengeRule } from "@/lib/auth/passkey-sign-in";
import { passkeyAssertionOptions } from "@/lib/auth/passkeys";
import { publicAction } from "@/lib/forms/public-action";

// Anyone may ask for a sign-in challenge: the passkey's answer is what authorises (next-auth's
// "passkey" provider checks it, lib/auth/passkey-sign-in.ts). Limited per client address.
export const startPasskeySignInAction = publicAction(
  { schema: passkeyOptionsSchema, rateLimit: passkeyChallengeRule() },
  () => passkeyAssertionOptions("sign-in", null),
);
