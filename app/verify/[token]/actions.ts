"use server";

import { answerCallerVerification } from "@/lib/caller-verification/caller-verification";
import { verificationAnswerSchema } from "@/lib/caller-verification/schemas";
import { publicAction } from "@/lib/forms/public-action";

// Public: authorised by the link's secret itself (only its hash is stored). Rate-limited per
// address so nobody can guess secrets; a wrong one finds nothing and changes nothing.
export const answerVerification = publicAction(
  { schema: verificationAnswerSchema, rateLimit: { name: "verify-answer", limit: 20, windowSeconds: 600 } },
  (ctx, input) => answerCallerVerification(input, ctx.ip),
);
