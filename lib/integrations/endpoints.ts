// Identity-system endpoints: where account actions go. Admins add, rotate, pause and remove them in
// the console (app/console/(signed-in)/integrations), each change audited in its transaction.
//
// Every pushed endpoint has a secret, returned once: Standard Webhooks sign with it, SSF pushes
// send it as the bearer token the receiver checks. It is stored encrypted with the at-rest keys.
// A rotation keeps the previous secret valid for ROTATION_OVERLAP_HOURS, and deliveries are signed
// with both meanwhile, so the receiver can switch over without losing a message.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { decryptAtRest, encryptAtRest } from "@/lib/crypto/at-rest";
import { privateNetworkAllowed } from "@/lib/env";
import type { AccountActionKind, EndpointFormat } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail, succeed, type Result } from "@/lib/result";
import type { CreateEndpointInput, EndpointChangeInput, PauseEndpointInput } from "./schemas";
import { deskSigningKey } from "./security-event-tokens";
import { newWebhookSecret } from "./standard-webhooks";
import { endpointUrlProblem } from "./url-safety";

export const ROTATION_OVERLAP_HOURS = 24;

export const FORMAT_LABELS: Record<EndpointFormat, string> = {
  STANDARD_WEBHOOKS: "Standard Webhooks",
  SSF_PUSH: "OpenID Shared Signals (push)",
  POLL: "Poll (GET /api/v1/actions)",
};

export type NewEndpoint = { id: string; name: string; secret: string | null };

export async function createEndpoint(
  ctx: StaffContext,
  input: CreateEndpointInput,
): Promise<Result<NewEndpoint>> {
  if (input.url) {
    const problem = endpointUrlProblem(input.url, { allowPrivate: privateNetworkAllowed() });
    if (problem) return fail(problem, "url");
  }
  if (input.format === "SSF_PUSH" && !(await deskSigningKey()))
    return fail(
      "Set SSF_SIGNING_KEY (the desk's SET signing key) before adding a Shared Signals endpoint.",
      "format",
    );
  const db = getDb();
  // The identity system's own key: the one a poll endpoint is read with, or (optional for pushed
  // formats) the one its directory events come with, which then confirm the actions sent to it.
  if (input.apiKeyId) {
    const scope = input.format === "POLL" ? "ACTIONS_READ" : "DIRECTORY_WRITE";
    const key = await db.apiKey.findFirst({
      where: { id: input.apiKeyId, revokedAt: null, scopes: { has: scope } },
      select: { id: true, pollEndpoint: { select: { id: true } } },
    });
    if (!key)
      return fail(
        `Choose an active API key with the ${scope === "ACTIONS_READ" ? "actions:read" : "directory:write"} scope.`,
        "apiKeyId",
      );
    if (key.pollEndpoint) return fail("That key already belongs to another endpoint.", "apiKeyId");
  }
  const secret = input.format === "POLL" ? null : newWebhookSecret();
  const id = await db.$transaction(async (tx) => {
    const row = await tx.integrationEndpoint.create({
      data: {
        name: input.name,
        format: input.format,
        url: input.format === "POLL" ? null : (input.url ?? null),
        apiKeyId: input.apiKeyId ?? null,
        actionKinds: input.actionKinds,
        secretEnc: secret ? encryptAtRest(secret) : null,
        createdById: ctx.staff.id,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "integration.endpoint_created",
      target: { type: "integration-endpoint", id: row.id },
      reason: input.reason,
      ip: ctx.ip,
      data: {
        name: input.name,
        format: input.format,
        url: input.url ?? null,
        actionKinds: input.actionKinds,
      },
    });
    return row.id;
  });
  return succeed(
    secret
      ? `Endpoint "${input.name}" added. Copy its secret now: it is shown only this once.`
      : `Endpoint "${input.name}" added. The identity system can poll with its API key now.`,
    { id, name: input.name, secret },
  );
}

export async function rotateEndpointSecret(
  ctx: StaffContext,
  input: EndpointChangeInput,
): Promise<Result<NewEndpoint>> {
  const secret = newWebhookSecret();
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; name: string; secret_enc: string | null }[]>`
      SELECT id, name, secret_enc FROM integration_endpoints
      WHERE id = ${input.endpointId}::uuid AND removed_at IS NULL FOR UPDATE`;
    if (!row) return fail("That endpoint does not exist or was removed.");
    if (!row.secret_enc) return fail("A poll endpoint has no signing secret: revoke its API key instead.");
    const expiresAt = new Date(Date.now() + ROTATION_OVERLAP_HOURS * 3_600_000);
    await tx.integrationEndpoint.update({
      where: { id: row.id },
      data: {
        secretEnc: encryptAtRest(secret),
        previousSecretEnc: row.secret_enc,
        previousSecretExpiresAt: expiresAt,
      },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "integration.secret_rotated",
      target: { type: "integration-endpoint", id: row.id },
      reason: input.reason,
      ip: ctx.ip,
      data: { name: row.name, previousValidUntil: expiresAt.toISOString() },
    });
    return succeed(
      `New secret for "${row.name}". Copy it now: it is shown only this once. The old one stays valid for ${ROTATION_OVERLAP_HOURS} hours.`,
      { id: row.id, name: row.name, secret },
    );
  });
}

export async function setEndpointPaused(ctx: StaffContext, input: PauseEndpointInput): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    const updated = await tx.integrationEndpoint.updateManyAndReturn({
      where: { id: input.endpointId, removedAt: null, pausedAt: input.paused ? null : { not: null } },
      data: { pausedAt: input.paused ? new Date() : null },
      select: { id: true, name: true },
    });
    const row = updated[0];
    if (!row) return fail(input.paused ? "That endpoint is not active." : "That endpoint is not paused.");
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: input.paused ? "integration.endpoint_paused" : "integration.endpoint_resumed",
      target: { type: "integration-endpoint", id: row.id },
      ip: ctx.ip,
      data: { name: row.name },
    });
    return succeed(
      input.paused
        ? `"${row.name}" paused. Actions wait in the queue until you resume it.`
        : `"${row.name}" resumed. Waiting actions go out now, oldest first.`,
    );
  });
}

export async function removeEndpoint(ctx: StaffContext, input: EndpointChangeInput): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    const updated = await tx.integrationEndpoint.updateManyAndReturn({
      where: { id: input.endpointId, removedAt: null },
      data: { removedAt: new Date(), secretEnc: null, previousSecretEnc: null },
      select: { id: true, name: true },
    });
    const row = updated[0];
    if (!row) return fail("That endpoint does not exist or was already removed.");
    // What it had not received will never reach it: say so on each action instead of "retrying".
    await tx.actionDelivery.updateMany({
      where: { endpointId: row.id, status: { in: ["PENDING", "FAILING"] } },
      data: { status: "DEAD", lastError: "The endpoint was removed." },
    });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "integration.endpoint_removed",
      target: { type: "integration-endpoint", id: row.id },
      reason: input.reason,
      ip: ctx.ip,
      data: { name: row.name },
    });
    return succeed(`"${row.name}" removed. Nothing more is sent to it.`);
  });
}

/** The secrets a delivery is signed with now: the current one, and the previous during its overlap. */
export function signingSecrets(
  row: { secretEnc: string | null; previousSecretEnc: string | null; previousSecretExpiresAt: Date | null },
  now = new Date(),
): string[] {
  const secrets: string[] = [];
  if (row.secretEnc) secrets.push(decryptAtRest(row.secretEnc));
  if (row.previousSecretEnc && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now)
    secrets.push(decryptAtRest(row.previousSecretEnc));
  return secrets;
}

export type EndpointListItem = {
  id: string;
  name: string;
  format: EndpointFormat;
  url: string | null;
  actionKinds: AccountActionKind[];
  pausedAt: Date | null;
  createdAt: Date;
  removedAt: Date | null;
  apiKey: { name: string; prefix: string } | null;
  rotating: boolean;
  waiting: number;
  failing: number;
  dead: number;
};

/** Active endpoints, oldest first. */
export async function listEndpoints(): Promise<EndpointListItem[]> {
  return endpointsWhere({ removedAt: null });
}

/** One endpoint, removed ones included: its delivery log stays readable after removal. */
export async function findEndpoint(id: string): Promise<EndpointListItem | null> {
  return (await endpointsWhere({ id }))[0] ?? null;
}

async function endpointsWhere(where: Prisma.IntegrationEndpointWhereInput): Promise<EndpointListItem[]> {
  const db = getDb();
  const [rows, counts] = await Promise.all([
    db.integrationEndpoint.findMany({
      where,
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        format: true,
        url: true,
        actionKinds: true,
        pausedAt: true,
        createdAt: true,
        removedAt: true,
        previousSecretExpiresAt: true,
        apiKey: { select: { name: true, prefix: true } },
      },
    }),
    db.actionDelivery.groupBy({
      by: ["endpointId", "status"],
      where: { status: { in: ["PENDING", "FAILING", "DEAD"] }, endpoint: where },
      _count: { _all: true },
    }),
  ]);
  const count = (endpointId: string, status: string) =>
    counts.find((entry) => entry.endpointId === endpointId && entry.status === status)?._count._all ?? 0;
  const now = new Date();
  return rows.map(({ previousSecretExpiresAt, ...row }) => ({
    ...row,
    rotating: previousSecretExpiresAt !== null && previousSecretExpiresAt > now,
    waiting: count(row.id, "PENDING"),
    failing: count(row.id, "FAILING"),
    dead: count(row.id, "DEAD"),
  }));
}

/** Whether any identity system would receive a new action of this kind (the console's wording). */
export async function hasActiveEndpoints(): Promise<boolean> {
  return (await getDb().integrationEndpoint.count({ where: { removedAt: null } })) > 0;
}

/**
 * Whether the desk can ask the customer's app "is it you on the phone?": some connected identity
 * system (not paused, not removed, not Shared Signals) lists caller-verification prompts.
 */
export async function appPromptsAvailable(): Promise<boolean> {
  const found = await getDb().integrationEndpoint.findFirst({
    where: {
      removedAt: null,
      pausedAt: null,
      format: { not: "SSF_PUSH" },
      actionKinds: { has: "CALLER_VERIFICATION_REQUESTED" },
    },
    select: { id: true },
  });
  return found !== null;
}
