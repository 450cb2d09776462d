// First, so zod is jitless before any schema below is built (lib/forms/zod-csp.ts says why).
import "@/lib/forms/zod-csp";
import { z } from "zod";
import { approvalDecisionFields, reasonField } from "@/lib/staff/schemas";

/** Actions that only take access away: any agent, no step-up. */
export const PROTECTIVE_ACTIONS = ["end-session", "end-all-sessions", "require-password", "lock"] as const;
export type ProtectiveAction = (typeof PROTECTIVE_ACTIONS)[number];

const optionalUuid = (error: string) =>
  z
    .uuid({ error })
    .optional()
    .or(z.literal("").transform(() => undefined));

/**
 * The customer's `updatedAt` when the page was rendered: an action on a page that is out of date
 * (someone else changed the account meanwhile) is refused rather than applied to a state the
 * agent never saw.
 */
const customerVersion = z.iso.datetime({ error: "Reload the page: the form is out of date." });

export const protectiveActionSchema = z
  .object({
    customerId: z.uuid({ error: "Unknown customer." }),
    action: z.enum(PROTECTIVE_ACTIONS, { error: "Choose an action." }),
    sessionId: optionalUuid("Unknown session."),
    reason: reasonField,
    customerVersion,
  })
  .refine((value) => value.action !== "end-session" || value.sessionId !== undefined, {
    path: ["sessionId"],
    message: "Choose the session to end.",
  });
export type ProtectiveActionInput = z.output<typeof protectiveActionSchema>;

export const unlockSchema = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  reason: reasonField,
  customerVersion,
});
export type UnlockInput = z.output<typeof unlockSchema>;

export const restoreContactSchema = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  field: z.enum(["email", "phone"], { error: "Choose the email or the phone number." }),
  reason: reasonField,
  customerVersion,
});
export type RestoreContactInput = z.output<typeof restoreContactSchema>;

export const restoreDecisionSchema = z.object({
  restoreId: z.uuid({ error: "Unknown request." }),
  ...approvalDecisionFields,
});
export type RestoreDecisionInput = z.output<typeof restoreDecisionSchema>;
