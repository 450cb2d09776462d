// The caller-verification prompt through the identity system's app: out as an account action,
// back as the directory event caller_verification_answered, from the linked key only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ingestEvents } from "@/lib/ingest/write-events";
import { createEndpoint, removeEndpoint, setEndpointPaused } from "@/lib/integrations/endpoints";
import { createApiKeyRow } from "@/test/factories/api-keys";
import { createCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { requestCallerVerification } from "./caller-verification";

let endpointId = "";
let identityKeyId = "";
let admin: Awaited<ReturnType<typeof actingAs>>;

beforeAll(async () => {
  admin = await actingAs(await createStaff({ role: "ADMIN" }), { stepUpAt: new Date() });
  identityKeyId = (await createApiKeyRow({ scopes: ["DIRECTORY_WRITE"] })).id;
  // Another endpoint taking every kind by default: account changes, but never prompts.
  const everything = await createEndpoint(admin, {
    name: "Takes every account change",
    format: "STANDARD_WEBHOOKS",
    url: "http://127.0.0.1:9/all",
    actionKinds: [],
    reason: "Connect the identity system",
  });
  expect(everything.ok).toBe(true);
  const created = await createEndpoint(admin, {
    name: "App prompts",
    format: "STANDARD_WEBHOOKS",
    url: "http://127.0.0.1:9/prompts",
    apiKeyId: identityKeyId,
    actionKinds: ["CALLER_VERIFICATION_REQUESTED"],
    reason: "Connect the identity system",
  });
  if (!created.ok) throw new Error(created.message);
  endpointId = (await getDb().integrationEndpoint.findFirstOrThrow({ where: { name: "App prompts" } })).id;
});

afterAll(async () => {
  for (const endpoint of await getDb().integrationEndpoint.findMany({ where: { removedAt: null } }))
    await removeEndpoint(admin, { endpointId: endpoint.id, reason: "Test finished" });
});

async function answer(externalId: string, verificationId: string, reply: "yes" | "no", keyId: string) {
  return ingestEvents(
    [
      {
        type: "caller_verification_answered",
        eventId: `evt_${verificationId}_${keyId}_${reply}`,
        occurredAt: new Date().toISOString(),
        customer: { externalId },
        verificationId,
        answer: reply,
      },
    ],
    undefined,
    ["DIRECTORY_WRITE"],
    keyId,
  );
}

describe("caller verification through the identity system's app", () => {
  it("queues the prompt only to endpoints that list it, and takes the answer from their key only", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const sent = await requestCallerVerification(agent, {
      customerId: customer.id,
      contact: "app",
      purpose: "FACTOR_RESET",
    });
    if (!sent.ok) throw new Error(sent.message);
    const db = getDb();
    const verification = await db.callerVerification.findUniqueOrThrow({
      where: { id: sent.data.verificationId },
    });
    expect(verification.channel).toBe("APP");
    const action = await db.accountAction.findUniqueOrThrow({
      where: { id: verification.promptActionId ?? "" },
      include: { deliveries: { select: { endpointId: true } } },
    });
    expect(action.kind).toBe("CALLER_VERIFICATION_REQUESTED");
    expect(action.detail).toMatchObject({ verificationId: verification.id, purpose: "factor_reset" });
    expect(action.deliveries.map((delivery) => delivery.endpointId)).toEqual([endpointId]);
    // No email or text: the prompt goes through the identity system alone.
    expect(await db.notification.count({ where: { customerId: customer.id } })).toBe(0);

    const externalId = (await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).externalId;
    const stranger = await createApiKeyRow({ scopes: ["DIRECTORY_WRITE"] });
    const refused = await answer(externalId, verification.id, "yes", stranger.id);
    expect(refused.rejected[0]?.errors[0]?.message).toMatch(/was not sent that prompt/);
    const other = await createCustomer();
    const otherExternalId = (await db.customer.findUniqueOrThrow({ where: { id: other.id } })).externalId;
    const wrongCustomer = await answer(otherExternalId, verification.id, "yes", identityKeyId);
    expect(wrongCustomer.rejected[0]?.errors[0]?.message).toMatch(/No prompt with this verificationId/);
    expect((await db.callerVerification.findUniqueOrThrow({ where: { id: verification.id } })).status).toBe(
      "PENDING",
    );

    const accepted = await answer(externalId, verification.id, "yes", identityKeyId);
    expect(accepted.accepted).toBe(1);
    const confirmed = await db.callerVerification.findUniqueOrThrow({ where: { id: verification.id } });
    expect(confirmed.status).toBe("CONFIRMED");
    const audit = await db.auditEvent.findMany({
      where: { targetId: customer.id, action: "caller_verification.confirmed" },
      select: { actorLabel: true },
    });
    expect(audit).toEqual([{ actorLabel: "identity system app prompt" }]);
  });

  it("is not offered when no connected identity system takes prompts", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    await setEndpointPaused(admin, { endpointId, paused: true });
    try {
      const refused = await requestCallerVerification(agent, {
        customerId: customer.id,
        contact: "app",
        purpose: "ACCOUNT_HELP",
      });
      expect(refused).toMatchObject({ ok: false, field: "contact" });
      expect(await getDb().callerVerification.count({ where: { customerId: customer.id } })).toBe(0);
    } finally {
      await setEndpointPaused(admin, { endpointId, paused: false });
    }
  });
});
