"use server";

import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { staffAction } from "@/lib/forms/staff-action";

const keyAdmin = { permission: "api-key:manage", revalidate: "/console/api-keys" } as const;

export const createApiKeyAction = staffAction({ ...keyAdmin, schema: createApiKeySchema }, createApiKey);

export const revokeApiKeyAction = staffAction({ ...keyAdmin, schema: revokeApiKeySchema }, revokeApiKey);
