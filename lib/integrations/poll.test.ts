// GET /api/v1/actions against real PostgreSQL: authentication, scope, the poll endpoint link,
// acknowledgement by cursor, order, and bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { takeProtectiveAction } from "@/lib/account-actions/account-actions";
import { listAccountActions } from "@/lib/account-actions/outbound";
import type { StaffContext } from "@/lib/auth/current-staff";
import { createApiKeyRow } from "@/test/factories/api-keys";
import { createCustomer, type TestCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { createEndpoint } from "./endpoints";
import { handleActionsPoll } from "./poll";

let agent: StaffContext;
let key: string;

beforeAll(async () => {
  const admin = await actingAs(await createStaff({ role: "ADMIN" }));
  agent = await actingAs(await createStaff());
  const apiKey = await createApiKeyRow({ scopes: ["ACTIONS_READ"] });
  key = apiKey.key;
  const created = await createEndpoint(admin, {
    name: "Polling identity system",
    format: "POLL",
    url: undefined,
    apiKeyId: apiKey.id,
    actionKinds: [],
    reason: "Connect the IdP by polling",
  });
  expect(created).toMatchObject({ ok: true, data: { secret: null } });
});

async function poll(query = "", bearer = key) {
  const response = await handleActionsPoll(
    new Request(`http://desk.test/api/v1/actions${query}`, {
      headers: { authorization: `Bearer ${bearer}` },
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function protect(customer: TestCustomer, action: "lock" | "end-all-sessions") {
  const { updatedAt } = await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
  expect(
    await takeProtectiveAction(agent, {
      customerId: customer.id,
      action,
      reason: "Customer reports a takeover, ticket 77",
      customerVersion: updatedAt.toISOString(),
    }),
  ).toMatchObject({ ok: true });
}

describe("GET /api/v1/actions", () => {
  it("hands out actions in order, and a cursor confirms exactly those handed out", async () => {
    const customer = await createCustomer();
    await protect(customer, "end-all-sessions");
    await protect(customer, "lock");
    const first = await poll("?limit=1");
    expect(first.status).toBe(200);
    const actions = first.body.actions as { type: string; data: { sequence: string } }[];
    expect(actions.map((action) => action.type)).toEqual(["account.sessions_ended"]);
    expect(first.body.more).toBe(true);
    expect((await listAccountActions(customer.id)).map((row) => row.status)).toEqual(["DECIDED", "SENT"]);

    const second = await poll(`?after=${String(first.body.cursor)}`);
    expect((second.body.actions as { type: string }[]).map((action) => action.type)).toEqual([
      "account.locked",
    ]);
    const statuses = await listAccountActions(customer.id);
    expect(statuses.map((row) => row.status)).toEqual(["SENT", "CONFIRMED"]);

    await poll(`?after=${String(second.body.cursor)}`);
    expect((await listAccountActions(customer.id)).every((row) => row.status === "CONFIRMED")).toBe(true);
    expect((await poll(`?after=${String(second.body.cursor)}`)).body.actions).toEqual([]);
  });

  it("refuses a missing key, a key without the scope, and a key no poll endpoint uses", async () => {
    expect((await poll("", "")).status).toBe(401);
    const eventsOnly = await createApiKeyRow({ scopes: ["EVENTS_WRITE"] });
    expect((await poll("", eventsOnly.key)).body).toMatchObject({ status: 403, code: "insufficient_scope" });
    const unlinked = await createApiKeyRow({ scopes: ["ACTIONS_READ"] });
    expect((await poll("", unlinked.key)).body).toMatchObject({ status: 403, code: "no_poll_endpoint" });
  });

  it.each(["?after=-1", "?after=abc", "?after=1e5", "?limit=0", "?limit=501", "?limit=ten"])(
    "answers 400 with a reason for %s",
    async (query) => {
      const answer = await poll(query);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe("invalid_query");
    },
  );
});
