"use server";

import { publicAction } from "@/lib/forms/public-action";
import { readNotMeToken } from "@/lib/notifications/not-me-token";
import { reportResetNotMe } from "@/lib/resets/not-me";
import { notMeSchema } from "@/lib/resets/schemas";
import { fail } from "@/lib/result";

const INVALID_LINK = "This link is not valid. Call us on the number on our website.";

// Public: authorised by the signed link itself (an HMAC of the reset id).
export const confirmNotMe = publicAction(
  { schema: notMeSchema, rateLimit: { name: "not-me", limit: 20, windowSeconds: 600 } },
  async (ctx, input) => {
    const resetId = readNotMeToken(input.token);
    if (!resetId) return fail(INVALID_LINK);
    const result = await reportResetNotMe(resetId, ctx.ip);
    return result.ok ? result : fail(INVALID_LINK);
  },
);
