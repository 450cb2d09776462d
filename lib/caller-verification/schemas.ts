// First, so zod is jitless before any schema below is built (lib/forms/zod-csp.ts says why).
import "@/lib/forms/zod-csp";
import { z } from "zod";
import { reasonField } from "@/lib/staff/schemas";
import { VERIFICATION_TOKEN_PATTERN } from "./token";

/**
 * Which contact the request goes to, named by its place and never by its value: the server looks
 * the value up and checks it is still trusted, so a forged form cannot send the link anywhere else.
 * "app" is a prompt in the identity system's own app, sent through the outbound queue.
 */
export const CONTACT_CHOICES = ["app", "email", "phone", "previous-email", "previous-phone"] as const;
export type ContactChoice = (typeof CONTACT_CHOICES)[number];

export const PURPOSES = ["FACTOR_RESET", "ACCOUNT_HELP"] as const;

export const verificationRequestSchema = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  contact: z.enum(CONTACT_CHOICES, { error: "Choose where to send the confirmation request." }),
  purpose: z.enum(PURPOSES, { error: "Say what the caller is asking for." }),
});
export type VerificationRequestInput = z.infer<typeof verificationRequestSchema>;

export const verificationCancelSchema = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  verificationId: z.uuid({ error: "Unknown confirmation request." }),
});
export type VerificationCancelInput = z.infer<typeof verificationCancelSchema>;

/** The customer's page posts back its link's secret and their answer. */
export const verificationAnswerSchema = z.object({
  token: z
    .string({ error: "This link is not valid." })
    .regex(VERIFICATION_TOKEN_PATTERN, "This link is not valid."),
  answer: z.enum(["yes", "no"], { error: "Choose one of the two answers." }),
});
export type VerificationAnswerInput = z.infer<typeof verificationAnswerSchema>;

/** A supervisor lifts the block a customer's "No" put on resets; the note says why it is safe. */
export const clearResetBlockSchema = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  reason: reasonField,
});
export type ClearResetBlockInput = z.infer<typeof clearResetBlockSchema>;
