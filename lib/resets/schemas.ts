// First, so zod is jitless before any schema below is built (lib/forms/zod-csp.ts says why).
import "@/lib/forms/zod-csp";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { approvalDecisionFields, reasonField } from "@/lib/staff/schemas";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";

/**
 * How the caller was verified, as the reset form offers it. CONFIRMED_BY_CUSTOMER is the desk's
 * own check (lib/caller-verification): the customer said yes on their own device. The others are
 * the agent's word, so they need a supervisor (lib/resets/risk-gate.ts says when). An emailed link
 * is no longer a claim the agent makes: the desk sends it and records the answer.
 */
export const VERIFICATION_METHODS = [
  "CONFIRMED_BY_CUSTOMER",
  "CALLBACK_NUMBER_ON_FILE",
  "CALLBACK_PREVIOUS_NUMBER",
  "DOCUMENT_CHECK",
  "OTHER",
] as const;
export type OfferedVerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** Every method a reset may carry, including ones recorded before the desk sent links itself. */
export const VERIFICATION_LABELS: Record<VerificationMethod, string> = {
  CONFIRMED_BY_CUSTOMER: "The customer confirmed on their own device (the desk's confirmation request)",
  CALLBACK_NUMBER_ON_FILE: "I called the customer back on the number on file",
  EMAIL_LINK_ON_FILE: "The customer confirmed a link sent to the email on file",
  CALLBACK_PREVIOUS_NUMBER: "I called the customer back on the number that was replaced recently",
  EMAIL_LINK_PREVIOUS_EMAIL: "The customer confirmed a link sent to the email that was replaced recently",
  DOCUMENT_CHECK: "The customer passed a document check (describe it)",
  OTHER: "Other (describe)",
};

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

// Deliberately no field for a one-time code: support never asks a customer for one.
export const resetRequestSchema = z
  .object({
    customerId: z.uuid({ error: "Unknown customer." }),
    caseId: z
      .uuid({ error: "Unknown case." })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    factorIds: z.preprocess(
      (value): unknown[] =>
        value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
      z
        .array(z.uuid({ error: "Unknown sign-in method." }))
        .min(1, "Choose at least one sign-in method to remove.")
        .max(20),
    ),
    verificationMethod: z.enum(VERIFICATION_METHODS, {
      error: "Say how you verified the customer's identity.",
    }),
    /** The confirmation request the customer answered yes to (method CONFIRMED_BY_CUSTOMER). */
    callerVerificationId: z
      .uuid({ error: "Unknown confirmation request." })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    verificationDetail: storableString()
      .trim()
      .max(500, "Keep the verification detail under 500 characters.")
      .optional()
      .transform((value) => value || undefined),
    reason: reasonField,
    revokeSessions: checkbox,
    forcePasswordReset: checkbox,
  })
  .refine(
    (value) =>
      (value.verificationMethod !== "OTHER" && value.verificationMethod !== "DOCUMENT_CHECK") ||
      Boolean(value.verificationDetail),
    {
      path: ["verificationDetail"],
      message: "Describe how you verified the customer's identity: a supervisor reads it before approving.",
    },
  )
  .refine(
    (value) => value.verificationMethod !== "CONFIRMED_BY_CUSTOMER" || Boolean(value.callerVerificationId),
    {
      path: ["verificationMethod"],
      message: "Send the customer a confirmation request first; choose this once they have said yes.",
    },
  );

export type ResetRequestInput = z.infer<typeof resetRequestSchema>;

export const resetDecisionSchema = z.object({
  resetId: z.uuid({ error: "Unknown reset request." }),
  ...approvalDecisionFields,
});

export type ResetDecisionInput = z.output<typeof resetDecisionSchema>;

/** The "this wasn't me" page posts back the token of its link. */
export const notMeSchema = z.object({
  token: z
    .string({ error: "This link is not valid." })
    .regex(/^[0-9a-f-]{36}\.\d{10}\.[A-Za-z0-9_-]{32}$/, "This link is not valid."),
});
