// Account actions out to an identity system, end to end on real parts: PostgreSQL, the reference
// identity system (examples/identity-system) listening on loopback, real HTTP, real HMAC checked
// by the Standard Webhooks library.
import { createServer } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleEventsRequest } from "@/lib/ingest/events-endpoint";
import { createApiKeyRow } from "@/test/factories/api-keys";
import { Webhook } from "standardwebhooks";
import { getDb } from "@/lib/db/client";
import { takeProtectiveAction } from "@/lib/account-actions/account-actions";
import { listAccountActions } from "@/lib/account-actions/outbound";
import { IdentitySystem } from "@/examples/identity-system/identity-system";
import { createCustomer, type TestCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import type { StaffContext } from "@/lib/auth/current-staff";
import { createEndpoint, rotateEndpointSecret, setEndpointPaused } from "./endpoints";
import { countWorkload } from "@/lib/workspace/workload";
import { redeliver } from "./deliveries";
import { MAX_DELIVERY_ATTEMPTS, processDeliveries, retryDelayMs } from "./dispatcher";
import { newWebhookSecret, signWebhook } from "./standard-webhooks";
import { createEndpointSchema } from "./schemas";

let admin: StaffContext;
let agent: StaffContext;
let receiver: IdentitySystem;
let listening: { port: number; close: () => Promise<void> };
let endpointId: string;

beforeAll(async () => {
  admin = await actingAs(await createStaff({ role: "ADMIN" }));
  agent = await actingAs(await createStaff());
});

afterAll(async () => {
  await listening?.close();
});

/** A fresh receiver and endpoint per test; earlier endpoints are removed so they do not interfere. */
beforeEach(async () => {
  await listening?.close();
  await getDb().integrationEndpoint.updateMany({ data: { removedAt: new Date() } });
  await getDb().actionDelivery.updateMany({
    where: { status: { not: "DELIVERED" } },
    data: { status: "DEAD" },
  });
  const created = await createEndpoint(admin, {
    name: "Reference identity system",
    format: "STANDARD_WEBHOOKS",
    url: "http://127.0.0.1:1/desk-events", // replaced below once the receiver has a port
    actionKinds: [],
    reason: "Connect the identity system, change 42",
  });
  if (!created.ok || !created.data.secret) throw new Error("endpoint not created");
  endpointId = created.data.id;
  receiver = new IdentitySystem({ secrets: [created.data.secret] });
  listening = await receiver.listen();
  await getDb().integrationEndpoint.update({
    where: { id: endpointId },
    data: { url: `http://127.0.0.1:${listening.port}/desk-events` },
  });
});

async function version(customerId: string): Promise<string> {
  const row = await getDb().customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { updatedAt: true },
  });
  return row.updatedAt.toISOString();
}

async function protect(customer: TestCustomer, action: "end-all-sessions" | "lock") {
  const result = await takeProtectiveAction(agent, {
    customerId: customer.id,
    action,
    reason: "Customer reports a takeover, ticket 501",
    customerVersion: await version(customer.id),
  });
  expect(result).toMatchObject({ ok: true });
}

async function externalId(customer: TestCustomer): Promise<string> {
  return (await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).externalId;
}

/** Makes every waiting delivery due now (instead of waiting out the backoff). */
async function dueNow(): Promise<void> {
  await getDb().actionDelivery.updateMany({
    where: { status: { in: ["PENDING", "FAILING"] } },
    data: { nextAttemptAt: new Date(Date.now() - 1000) },
  });
}

describe("Standard Webhooks signatures, checked by the specification's own library", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: "account.locked", data: { actionId: "a1" } });
  const signed = signWebhook({ id: "msg_a1", timestamp: new Date(), body, secrets: [secret] });

  it("verifies a genuine delivery", () => {
    expect(new Webhook(secret).verify(body, signed)).toMatchObject({ type: "account.locked" });
  });

  it("rejects a tampered body, a stale timestamp and a wrong secret", () => {
    expect(() => new Webhook(secret).verify(body.replace("locked", "unlocked"), signed)).toThrow();
    const stale = signWebhook({
      id: "msg_a1",
      timestamp: new Date(Date.now() - 10 * 60_000),
      body,
      secrets: [secret],
    });
    expect(() => new Webhook(secret).verify(body, stale)).toThrow(/timestamp/i);
    expect(() => new Webhook(newWebhookSecret()).verify(body, signed)).toThrow();
  });

  it("signs with both secrets during a rotation, so either verifies", () => {
    const next = newWebhookSecret();
    const both = signWebhook({ id: "msg_a2", timestamp: new Date(), body, secrets: [next, secret] });
    expect(both["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(secret).verify(body, both)).toBeTruthy();
    expect(new Webhook(next).verify(body, both)).toBeTruthy();
  });
});

describe("delivering account actions", () => {
  it("delivers a decided action, the receiver applies it, and the desk shows it confirmed", async () => {
    const customer = await createCustomer();
    await protect(customer, "lock");
    const [queued] = await listAccountActions(customer.id);
    expect(queued).toMatchObject({ kind: "ACCOUNT_LOCKED", status: "DECIDED" });
    expect(queued?.deliveries).toMatchObject([{ status: "PENDING", attempts: 0 }]);

    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
    const user = receiver.state.users[await externalId(customer)];
    expect(user?.locked).toBe(true);
    const [confirmed] = await listAccountActions(customer.id);
    expect(confirmed).toMatchObject({
      status: "CONFIRMED",
      deliveries: [{ status: "DELIVERED", attempts: 1 }],
    });
    expect(confirmed?.confirmedAt).toBeInstanceOf(Date);
    const log = await getDb().deliveryAttempt.findMany({ where: { endpointId } });
    expect(log).toMatchObject([{ statusCode: 200, error: null }]);
    expect(log[0]?.responseExcerpt).toContain("applied");
  });

  it("keeps failing while the receiver is down, alerts admins, and applies exactly once when it is back", async () => {
    const customer = await createCustomer();
    await listening.close(); // the identity system is down
    await protect(customer, "end-all-sessions");
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await processDeliveries()).toMatchObject({ delivered: 0, retrying: 1 });
      await dueNow();
    }
    const [failing] = await listAccountActions(customer.id);
    expect(failing).toMatchObject({ status: "FAILING", deliveries: [{ status: "FAILING", attempts: 3 }] });
    expect(failing?.deliveries[0]?.lastError).toMatch(/ECONNREFUSED/);
    expect((await countWorkload(admin.staff.id, "ADMIN")).failingDeliveries).toBe(1);
    const alert = await getDb().notification.findMany({ where: { template: "integration-failing" } });
    expect(alert.map((row) => row.destination)).toContain(admin.staff.email);

    listening = await receiver.listen(Number(new URL(await endpointUrl()).port));
    await dueNow();
    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
    expect(await processDeliveries()).toMatchObject({ delivered: 0 });
    expect(receiver.state.applied.filter((entry) => entry.type === "account.sessions_ended")).toHaveLength(1);
    expect((await listAccountActions(customer.id))[0]).toMatchObject({ status: "CONFIRMED" });
  });

  it("keeps one customer's actions in order across retries, while other customers go ahead", async () => {
    const first = await createCustomer();
    const other = await createCustomer();
    await protect(first, "end-all-sessions");
    await protect(first, "lock");
    await protect(other, "lock");
    receiver.failNextDeliveries(1); // the first customer's oldest action fails once
    const run = await processDeliveries();
    // The failed head blocks the first customer's second action; the other customer is delivered.
    expect(run).toMatchObject({ retrying: 1, delivered: 1 });
    await dueNow();
    await processDeliveries();
    await processDeliveries();
    const firstId = await externalId(first);
    expect(
      receiver.state.applied.filter((entry) => entry.externalId === firstId).map((entry) => entry.type),
    ).toEqual(["account.sessions_ended", "account.locked"]);
  });

  it("is at least once: an acknowledgement lost to a timeout is resent, and the receiver applies it once", async () => {
    const customer = await createCustomer();
    await protect(customer, "lock");
    // The receiver applies, but its answer arrives after the desk gave up waiting.
    const slow = receiver.handle;
    receiver.handle = (request, response) => setTimeout(() => slow(request, response), 400);
    await listening.close();
    listening = await receiver.listen(Number(new URL(await endpointUrl()).port));
    expect(await processDeliveries({ timeoutMs: 100 })).toMatchObject({ retrying: 1 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    receiver.handle = slow;
    await listening.close();
    listening = await receiver.listen(Number(new URL(await endpointUrl()).port));
    await dueNow();
    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
    const id = await externalId(customer);
    expect(receiver.state.applied.filter((entry) => entry.externalId === id)).toHaveLength(1);
  });

  it("gives up after the attempt limit, and an admin's redelivery starts again", async () => {
    const customer = await createCustomer();
    receiver.failNextDeliveries(MAX_DELIVERY_ATTEMPTS, 500);
    await protect(customer, "lock");
    for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
      await processDeliveries();
      await dueNow();
    }
    const dead = await getDb().actionDelivery.findFirstOrThrow({ where: { endpointId } });
    expect(dead).toMatchObject({
      status: "DEAD",
      attempts: MAX_DELIVERY_ATTEMPTS,
      lastError: "The receiver answered 500.",
    });
    expect(await processDeliveries()).toMatchObject({ delivered: 0, retrying: 0 });

    expect(await redeliver(agent, { deliveryId: dead.id })).toMatchObject({ ok: true });
    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
    expect((await listAccountActions(customer.id))[0]).toMatchObject({ status: "CONFIRMED" });
  });

  it("holds a paused endpoint's actions and sends them on resume", async () => {
    const customer = await createCustomer();
    expect(await setEndpointPaused(admin, { endpointId, paused: true })).toMatchObject({ ok: true });
    await protect(customer, "lock");
    expect(await processDeliveries()).toMatchObject({ delivered: 0 });
    expect(await setEndpointPaused(admin, { endpointId, paused: false })).toMatchObject({ ok: true });
    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
  });

  it("keeps delivering through a secret rotation: the receiver with only the old secret still verifies", async () => {
    const rotated = await rotateEndpointSecret(admin, { endpointId, reason: "Yearly rotation, change 77" });
    expect(rotated).toMatchObject({ ok: true });
    const customer = await createCustomer();
    await protect(customer, "lock");
    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
    // A receiver that only knows the new secret verifies too.
    const fresh = new IdentitySystem({ secrets: [rotated.ok ? (rotated.data.secret ?? "") : ""] });
    await listening.close();
    listening = await fresh.listen(Number(new URL(await endpointUrl()).port));
    const second = await createCustomer();
    await protect(second, "lock");
    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
    expect(fresh.state.applied).toHaveLength(1);
  });

  it("holds the customer's reset-style notice until the identity system confirms the action", async () => {
    const customer = await createCustomer();
    await protect(customer, "lock");
    const [action] = await listAccountActions(customer.id);
    const held = await getDb().notification.create({
      data: {
        channel: "EMAIL",
        destination: "x@example.com",
        template: "t",
        body: "b",
        waitsForActionId: action?.id,
      },
    });
    const { processOutbox } = await import("@/lib/notifications/worker");
    const sent: string[] = [];
    const sink = {
      send: (message: { destination: string }) => (sent.push(message.destination), Promise.resolve("ok")),
    };
    await processOutbox({ EMAIL: sink, SMS: sink });
    expect(sent).not.toContain(held.destination);
    await processDeliveries();
    await processOutbox({ EMAIL: sink, SMS: sink });
    expect(sent).toContain(held.destination);
  });
});

describe("the reference identity system reports back", () => {
  it("sends the status it set as a directory event, which the desk applies (its API key, directory:write)", async () => {
    const { key } = await createApiKeyRow({ scopes: ["DIRECTORY_WRITE"] });
    // The desk's events endpoint on loopback, as the identity system calls it.
    const desk = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks);
        void handleEventsRequest(
          new Request(`http://127.0.0.1${request.url ?? "/"}`, {
            method: request.method,
            headers: request.headers as Record<string, string>,
            body,
          }),
        ).then(async (answer) => {
          response.writeHead(answer.status, { "content-type": "application/json" });
          response.end(await answer.text());
        });
      });
    });
    await new Promise<void>((resolve) => desk.listen(0, "127.0.0.1", resolve));
    const address = desk.address();
    const deskUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const secret = await rotateEndpointSecret(admin, { endpointId, reason: "Test the report-back" });
      const reporting = new IdentitySystem({
        secrets: [secret.ok ? (secret.data.secret ?? "") : ""],
        reportTo: { url: deskUrl, apiKey: key },
      });
      await listening.close();
      listening = await reporting.listen(Number(new URL(await endpointUrl()).port));
      const customer = await createCustomer();
      await protect(customer, "lock");
      expect(await processDeliveries()).toMatchObject({ delivered: 1 });
      await expect.poll(() => reporting.reported.map((entry) => entry.status)).toEqual([200]);
      expect(reporting.reported[0]?.events).toMatchObject([
        { type: "account_status_changed", status: "locked" },
      ]);
      const row = await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
      expect(row.status).toBe("LOCKED");
      expect(row.sourceUpdatedAt).toBeInstanceOf(Date);
    } finally {
      await new Promise((resolve) => desk.close(resolve));
    }
  });
});

describe("retry timing", () => {
  it("backs off exponentially with jitter, capped at 30 minutes", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8_000);
    expect(retryDelayMs(1, () => 0)).toBe(1_500);
    expect(retryDelayMs(1, () => 1)).toBe(2_500);
    expect(retryDelayMs(40, () => 0.5)).toBe(1_800_000);
  });
});

describe("endpoint validation", () => {
  it("refuses a push endpoint without a URL and a poll endpoint without a key", () => {
    const push = createEndpointSchema.safeParse({
      name: "IdP",
      format: "STANDARD_WEBHOOKS",
      reason: "Connect the IdP",
    });
    expect(push.success ? [] : push.error.issues.map((issue) => issue.path.join("."))).toContain("url");
    const poll = createEndpointSchema.safeParse({ name: "IdP", format: "POLL", reason: "Connect the IdP" });
    expect(poll.success ? [] : poll.error.issues.map((issue) => issue.path.join("."))).toContain("apiKeyId");
  });

  it("refuses an unknown action kind", () => {
    const parsed = createEndpointSchema.safeParse({
      name: "IdP",
      format: "STANDARD_WEBHOOKS",
      url: "https://idp.example.com/hook",
      actionKinds: ["ACCOUNT_LOCKED", "DELETE_EVERYTHING"],
      reason: "Connect the IdP",
    });
    expect(parsed.success).toBe(false);
  });
});

async function endpointUrl(): Promise<string> {
  return (await getDb().integrationEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).url ?? "";
}
