// GET /api/v1/actions: for identity systems that cannot receive calls, the same account actions
// fetched with an API key (scope actions:read) linked to a poll endpoint, in the spirit of RFC 8936
// (poll-based delivery with acknowledgement):
//
//   GET /api/v1/actions?after=<sequence>&limit=<1..500>
//
// `after` acknowledges: every action the key was handed with a sequence up to it counts as applied
// (confirmed). The answer lists the endpoint's next unacknowledged actions in sequence order, which
// keeps each customer's actions in the order they were decided. Only actions that were actually
// handed out are confirmed by a cursor, so an action that committed late with a lower sequence is
// never skipped: it is handed out on the next poll.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { authenticateRequest, missingScope, problem } from "@/lib/api-keys/api-request";
import { refreshActionStatus } from "@/lib/account-actions/outbound";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { log } from "@/lib/log";
import { actionEvent } from "./payload";

const querySchema = z.object({
  after: z
    .string()
    .regex(/^\d{1,18}$/, "after must be the sequence (a whole number) of the last action you applied.")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 500." })
    .int("limit must be a whole number from 1 to 500.")
    .min(1, "limit must be a whole number from 1 to 500.")
    .max(500, "limit must be a whole number from 1 to 500.")
    .default(100),
});

const POLL_RATE = { name: "actions-poll", limit: 600, windowSeconds: 60 };

export async function handleActionsPoll(request: Request): Promise<Response> {
  try {
    const key = await authenticateRequest(request);
    if (key instanceof Response) return key;
    const refusal = missingScope(key, "ACTIONS_READ");
    if (refusal) return refusal;
    const rate = await hitRateLimit(POLL_RATE, key.id);
    if (!rate.allowed)
      return problem({
        status: 429,
        code: "rate_limited",
        title: "Too Many Requests",
        detail: `Poll at most ${POLL_RATE.limit} times a minute. Wait ${rate.retryAfterSeconds} s.`,
        headers: { "retry-after": String(rate.retryAfterSeconds) },
      });
    const url = new URL(request.url);
    const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success)
      return problem({
        status: 400,
        code: "invalid_query",
        title: "Bad Request",
        detail: parsed.error.issues[0]?.message ?? "Invalid query.",
        errors: parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message })),
      });

    const db = getDb();
    const endpoint = await db.integrationEndpoint.findFirst({
      where: { apiKeyId: key.id, removedAt: null, format: "POLL" },
      select: { id: true, pausedAt: true },
    });
    if (!endpoint)
      return problem({
        status: 403,
        code: "no_poll_endpoint",
        title: "Forbidden",
        detail: "No poll integration uses this API key. An admin links one on the desk's Integrations page.",
      });

    const touched = new Set<string>();
    if (parsed.data.after !== undefined) {
      const acknowledged = await db.actionDelivery.updateManyAndReturn({
        where: {
          endpointId: endpoint.id,
          sequence: { lte: BigInt(parsed.data.after) },
          sentAt: { not: null },
          status: { in: ["PENDING", "FAILING"] },
        },
        data: { status: "DELIVERED", deliveredAt: new Date(), lastError: null },
        select: { actionId: true },
      });
      for (const row of acknowledged) touched.add(row.actionId);
    }

    const due = endpoint.pausedAt
      ? []
      : await db.actionDelivery.findMany({
          where: { endpointId: endpoint.id, status: { in: ["PENDING", "FAILING"] } },
          orderBy: { sequence: "asc" },
          take: parsed.data.limit + 1,
          select: {
            id: true,
            action: {
              select: {
                id: true,
                kind: true,
                sequence: true,
                reason: true,
                detail: true,
                createdAt: true,
                customer: { select: { externalId: true } },
              },
            },
          },
        });
    const page = due.slice(0, parsed.data.limit);
    if (page.length > 0) {
      await db.actionDelivery.updateMany({
        where: { id: { in: page.map((row) => row.id) } },
        data: { sentAt: new Date(), attempts: { increment: 1 } },
      });
      for (const row of page) touched.add(row.action.id);
    }
    await refreshActionStatus(db, [...touched]);
    const actions = page.map(({ action }) =>
      actionEvent({ ...action, customerExternalId: action.customer.externalId }),
    );
    return Response.json(
      {
        actions,
        // Send this back as `after` once these are applied.
        cursor: actions.at(-1)?.data.sequence ?? parsed.data.after ?? null,
        more: due.length > page.length,
        paused: endpoint.pausedAt !== null,
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    log.error("integrations.poll_failed", { error });
    return problem({
      status: 503,
      code: "temporarily_unavailable",
      title: "Service Unavailable",
      detail: "Try again shortly with the same cursor: acknowledging twice is harmless.",
      headers: { "retry-after": "5" },
    });
  }
}
