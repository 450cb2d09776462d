// API keys for machine clients (the identity system streaming events). Admins create and revoke
// them in the console, each change with a reason and its audit event in the same transaction. The
// key is returned once at creation; only its prefix and SHA-256 are stored (key-material.ts).
// Using a key is not audited (it would be one audit row per ingest request); last_used_at says
// when it was last used, to the minute.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import type { ApiScope } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { apiKeyMatches, bearerToken, generateApiKey, parseApiKey } from "./key-material";
import { fail, succeed, type Result } from "@/lib/result";
import type { CreateApiKeyInput, RevokeApiKeyInput } from "./schemas";

/** Handed to the form once, to show the new key; it is not stored anywhere in clear. */
export type NewApiKey = { id: string; name: string; key: string; prefix: string };

export type ApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  createdBy: { name: string; email: string } | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** What a request authenticated with a key may know about it. */
export type AuthenticatedApiKey = { id: string; name: string; prefix: string; scopes: ApiScope[] };

/** last_used_at is written at most this often per key, so busy keys cost no extra write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export async function createApiKey(ctx: StaffContext, input: CreateApiKeyInput): Promise<Result<NewApiKey>> {
  // A prefix collision (8 characters of [a-z0-9]: one in 2.8e12) is retried with a new key.
  for (let attempt = 0; attempt < 3; attempt++) {
    const material = generateApiKey();
    try {
      const id = await getDb().$transaction(async (tx) => {
        const row = await tx.apiKey.create({
          data: {
            name: input.name,
            prefix: material.prefix,
            secretHash: material.secretHash,
            scopes: input.scopes,
            createdById: ctx.staff.id,
          },
          select: { id: true },
        });
        await appendAuditEvent(tx, {
          actor: ctx.actor,
          action: "api_key.created",
          target: { type: "api-key", id: row.id },
          reason: input.reason,
          ip: ctx.ip,
          data: { name: input.name, prefix: material.prefix, scopes: input.scopes },
        });
        return row.id;
      });
      return succeed(`API key "${input.name}" created. Copy it now: it is shown only this once.`, {
        id,
        name: input.name,
        key: material.key,
        prefix: material.prefix,
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  throw new Error("Could not find a free API key prefix after 3 attempts");
}

export async function listApiKeys(): Promise<ApiKeyListItem[]> {
  return getDb().apiKey.findMany({
    // Active keys first, newest first within each group.
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
}

export async function revokeApiKey(ctx: StaffContext, input: RevokeApiKeyInput): Promise<Result> {
  const { keyId, reason } = input;
  // The id comes from the request: it must name a key that exists and is still active.
  return getDb().$transaction(async (tx) => {
    const revokedAt = new Date();
    const updated = await tx.apiKey.updateManyAndReturn({
      where: { id: keyId, revokedAt: null },
      data: { revokedAt },
      select: { id: true, name: true, prefix: true },
    });
    const key = updated[0];
    if (!key) return fail("That key does not exist or is already revoked.");
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "api_key.revoked",
      target: { type: "api-key", id: key.id },
      reason,
      ip: ctx.ip,
      data: { name: key.name, prefix: key.prefix },
    });
    return succeed(
      `API key "${key.name}" (${key.prefix}) revoked. Requests with it are refused from now on.`,
    );
  });
}

/**
 * The active key named by an `Authorization` header value, or null when the header is missing,
 * malformed, names no key, the secret does not match, or the key is revoked. Checked against the
 * database on every request (no cache), so a revocation takes effect at once.
 */
export async function authenticateApiKey(
  authorization: string | null,
  now = new Date(),
): Promise<AuthenticatedApiKey | null> {
  const token = bearerToken(authorization);
  const parsed = token === null ? null : parseApiKey(token);
  if (!parsed) return null;
  const row = await getDb().apiKey.findUnique({
    where: { prefix: parsed.prefix },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      secretHash: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
  // Hash and compare even when no row matched, so both paths do the same work.
  const matches = apiKeyMatches(parsed.key, row?.secretHash ?? null);
  if (!row || !matches || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests of one key write it once.
    await getDb().apiKey.updateMany({
      where: {
        id: row.id,
        OR: [
          { lastUsedAt: null },
          { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } },
        ],
      },
      data: { lastUsedAt: now },
    });
  }
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes };
}

/** Names for API key ids, for pages that show which integration acted (the audit log). */
export async function findApiKeyNames(ids: readonly string[]): Promise<Map<string, string>> {
  const valid = [
    ...new Set(
      ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)),
    ),
  ];
  if (valid.length === 0) return new Map();
  const rows = await getDb().apiKey.findMany({
    where: { id: { in: valid } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.id, row.name]));
}
