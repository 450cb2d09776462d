import { z } from "zod";
import { reasonField } from "@/lib/staff/schemas";

/**
 * Showing one masked detail in full: the profile's email or phone, or what was typed at one sign-in
 * attempt. Needs a reason (and step-up, asked by the action).
 */
export const revealFieldSchema = z
  .object({
    customerId: z.uuid({ error: "Unknown customer." }),
    field: z.enum(["email", "phone", "login"], { error: "Choose what to reveal." }),
    attemptId: z
      .string()
      .regex(/^\d{1,18}$/, "Unknown sign-in attempt.")
      .optional(),
    reason: reasonField,
  })
  .refine((value) => value.field !== "login" || value.attemptId !== undefined, {
    path: ["attemptId"],
    message: "Unknown sign-in attempt.",
  });

export type RevealFieldInput = z.output<typeof revealFieldSchema>;
export type RevealableField = RevealFieldInput["field"];
