// API keys and customers for ingest tests, written straight to the database.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { generateApiKey } from "@/lib/api-keys/key-material";
import type { ApiScope } from "@/lib/generated/prisma/enums";

export async function createApiKeyRow(
  options: { scopes?: ApiScope[]; revoked?: boolean; name?: string } = {},
): Promise<{ id: string; key: string; prefix: string }> {
  const material = generateApiKey();
  const row = await getDb().apiKey.create({
    data: {
      name: options.name ?? "Test identity system",
      prefix: material.prefix,
      secretHash: material.secretHash,
      scopes: options.scopes ?? ["EVENTS_WRITE"],
      revokedAt: options.revoked ? new Date() : null,
    },
    select: { id: true },
  });
  return { id: row.id, key: material.key, prefix: material.prefix };
}

export async function createCustomerRow(
  overrides: { externalId?: string; email?: string } = {},
): Promise<{ id: string; externalId: string; email: string }> {
  const tag = randomBytes(4).toString("hex");
  const externalId = overrides.externalId ?? `cust_${tag}`;
  const email = overrides.email ?? `customer-${tag}@example.com`;
  const row = await getDb().customer.create({
    data: {
      externalId,
      fullName: `Customer ${tag}`,
      nameKey: `customer ${tag}`,
      email,
      emailNormalized: email.toLowerCase(),
    },
    select: { id: true },
  });
  return { id: row.id, externalId, email };
}
