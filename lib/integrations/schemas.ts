// Console form schemas for identity-system endpoints, shared by the forms and the server actions.
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { reasonField } from "@/lib/staff/schemas";
import { ACCOUNT_ACTION_KINDS } from "@/lib/account-actions/labels";
import type { AccountActionKind } from "@/lib/generated/prisma/enums";

const kinds = ACCOUNT_ACTION_KINDS as [AccountActionKind, ...AccountActionKind[]];

/** A checkbox group: one ticked box arrives as a string, several as an array. */
const checkedValues = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
    z.array(item),
  );

export const createEndpointSchema = z
  .object({
    name: storableString({ error: "Name the endpoint after the system that receives it." })
      .trim()
      .min(3, "Name the endpoint after the system that receives it (at least 3 characters).")
      .max(80, "Names can be at most 80 characters."),
    format: z.enum(["STANDARD_WEBHOOKS", "SSF_PUSH", "POLL"], { error: "Choose how actions are delivered." }),
    url: storableString()
      .trim()
      .max(2_000, "URLs can be at most 2,000 characters.")
      .optional()
      .transform((value) => value || undefined),
    apiKeyId: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.uuid({ error: "Choose one of the listed API keys." }).optional()),
    actionKinds: checkedValues(z.enum(kinds, { error: "Choose from the listed actions." })).transform(
      (values) => [...new Set(values)],
    ),
    reason: reasonField,
  })
  .superRefine((input, context) => {
    if (input.format !== "POLL" && !input.url)
      context.addIssue({ code: "custom", path: ["url"], message: "Enter the URL the desk should send to." });
    if (input.format === "POLL" && !input.apiKeyId)
      context.addIssue({
        code: "custom",
        path: ["apiKeyId"],
        message: "Choose the API key (with the actions:read scope) the identity system polls with.",
      });
  });

export const endpointChangeSchema = z.object({
  endpointId: z.uuid({ error: "Unknown endpoint." }),
  reason: reasonField,
});

export const pauseEndpointSchema = z.object({
  endpointId: z.uuid({ error: "Unknown endpoint." }),
  paused: z.enum(["1", "0"], { error: "Choose pause or resume." }).transform((value) => value === "1"),
});

export const redeliverSchema = z.object({
  deliveryId: z.uuid({ error: "Unknown delivery." }),
});

export const testDeliverySchema = z.object({
  endpointId: z.uuid({ error: "Unknown endpoint." }),
});

export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;
export type EndpointChangeInput = z.infer<typeof endpointChangeSchema>;
export type PauseEndpointInput = z.infer<typeof pauseEndpointSchema>;
