// The shape of staffAction for the few forms anyone may post (first-run setup, an invitation, a
// "this wasn't me" link): parse → rate limit per client address → handler → form state. What
// authorises them is in the input itself (a single-use token) or in the state of the desk
// (setup refuses once anyone exists), and the handler checks it.
//
// The public scam-report form is the one public action not written with this: it must refuse
// floods, bots and too-fast posts before it validates a field, and it echoes what was typed
// back into the form, so lib/scam-reports/intake.ts owns its whole order.
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { clientIp } from "@/lib/http/client-ip";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import type { Result } from "@/lib/result";
import { errorState, invalidState, resultState } from "./action-state";
import { formFields } from "./form-fields";
import type { FormAction } from "./staff-action";

export type PublicContext = { ip: string };

type PublicActionOptions<Schema extends z.ZodType> = {
  schema: Schema;
  /** Counted per client address before anything else, valid input or not. */
  rateLimit?: RateLimitRule;
};

export function publicAction<Schema extends z.ZodType, Data = undefined>(
  options: PublicActionOptions<Schema>,
  handler: (ctx: PublicContext, input: z.output<Schema>) => Promise<Result<Data>>,
): FormAction<Data> {
  return async (_state, formData) => {
    const ctx: PublicContext = { ip: clientIp(await headers()) };
    if (options.rateLimit && !(await hitRateLimit(options.rateLimit, ctx.ip)).allowed) {
      return errorState("Too many attempts. Try again in a few minutes.");
    }
    const parsed = options.schema.safeParse(formFields(formData));
    if (!parsed.success) return invalidState(parsed.error);
    return resultState(await handler(ctx, parsed.data));
  };
}
