// Console form schemas for API key management, shared by the forms and the server actions.
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { reasonField } from "@/lib/staff/schemas";
import { API_SCOPES } from "./scopes";

const scopeValues = API_SCOPES.map((scope) => scope.value) as [ApiScopeValue, ...ApiScopeValue[]];
type ApiScopeValue = (typeof API_SCOPES)[number]["value"];

export const apiKeyNameField = storableString({ error: "Name the key after the system that will use it." })
  .trim()
  .min(3, "Name the key after the system that will use it (at least 3 characters).")
  .max(80, "Key names can be at most 80 characters.");

export const createApiKeySchema = z.object({
  name: apiKeyNameField,
  // A single checked box arrives as a string, several as an array (lib/forms/form-fields.ts).
  scopes: z.preprocess(
    (value): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
    z
      .array(z.enum(scopeValues, { error: "Choose from the listed scopes." }))
      .min(1, "Choose at least one scope.")
      .transform((scopes) => [...new Set(scopes)]),
  ),
  reason: reasonField,
});

export const revokeApiKeySchema = z.object({
  keyId: z.uuid({ error: "Unknown API key." }),
  reason: reasonField,
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeySchema>;
