"use server";

import { answerCallerVerification, type AnswerOutcome } from "@/lib/caller-verification/caller-verification";
import { verificationAnswerSchema } from "@/lib/caller-verification/schemas";
import type { ActionState } from "@/lib/forms/action-state";
import { publicAction } from "@/lib/forms/public-action";

// Public: authorised by the link's secret itself (only its hash is stored). Rate-limited per
// address so nobody can guess secrets; a wrong one finds nothing and changes nothing.
const answer = publicAction(
  { schema: verificationAnswerSchema, rateLimit: { name: "verify-answer", limit: 20, windowSeconds: 600 } },
  (ctx, input) => answerCallerVerification(input, ctx.ip),
);

/**
 * Declared as a function (not the helper's result) so the form also posts without JavaScript:
 * the browser submits it natively and the page comes back with the outcome.
 */
export async function answerVerification(
  state: ActionState<{ outcome: AnswerOutcome }>,
  formData: FormData,
): Promise<ActionState<{ outcome: AnswerOutcome }>> {
  return answer(state, formData);
}
