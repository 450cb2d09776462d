// OpenID Shared Signals delivery end to end: the desk signs Security Event Tokens with its ES256
// key, pushes them (RFC 8935) to the reference identity system, which verifies them with jose
// against the desk's published JWKS.
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { getDb } from "@/lib/db/client";
import { appUrl, refreshEnv } from "@/lib/env";
import { takeProtectiveAction } from "@/lib/account-actions/account-actions";
import { listAccountActions } from "@/lib/account-actions/outbound";
import { IdentitySystem } from "@/examples/identity-system/identity-system";
import { createCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import type { StaffContext } from "@/lib/auth/current-staff";
import { createEndpoint } from "./endpoints";
import { processDeliveries, sendTestDelivery } from "./dispatcher";
import { actionSecurityEventToken, deskJwks, ssfConfiguration } from "./security-event-tokens";

let admin: StaffContext;
let agent: StaffContext;
let receiver: IdentitySystem;
let listening: { port: number; close: () => Promise<void> };
let audience = "";
let endpointId = "";
let secret = "";

beforeAll(async () => {
  process.env.SSF_SIGNING_KEY = JSON.stringify(
    generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }),
  );
  refreshEnv();
  admin = await actingAs(await createStaff({ role: "ADMIN" }));
  agent = await actingAs(await createStaff());
  // The receiver needs its own URL (the tokens' audience) and the secret made with the endpoint.
  const placeholder = new IdentitySystem({ secrets: [] });
  const probe = await placeholder.listen();
  await probe.close();
  audience = `http://127.0.0.1:${probe.port}/ssf-events`;
  const created = await createEndpoint(admin, {
    name: "Shared Signals receiver",
    format: "SSF_PUSH",
    url: audience,
    actionKinds: [],
    reason: "Connect the IdP over SSF",
  });
  if (!created.ok || !created.data.secret) throw new Error(created.ok ? "no secret" : created.message);
  endpointId = created.data.id;
  secret = created.data.secret;
  receiver = new IdentitySystem({
    secrets: [created.data.secret],
    ssf: { jwks: await deskJwks(), issuer: appUrl(), audience },
  });
  listening = await receiver.listen(probe.port);
});

afterAll(async () => {
  await listening?.close();
  delete process.env.SSF_SIGNING_KEY;
  refreshEnv();
});

describe("Shared Signals push", () => {
  it("pushes a RISC account-disabled SET that the receiver verifies and applies; the desk shows it confirmed", async () => {
    const customer = await createCustomer();
    const { updatedAt, externalId } = await getDb().customer.findUniqueOrThrow({
      where: { id: customer.id },
    });
    const locked = await takeProtectiveAction(agent, {
      customerId: customer.id,
      action: "lock",
      reason: "Takeover reported, ticket 88",
      customerVersion: updatedAt.toISOString(),
    });
    expect(locked).toMatchObject({ ok: true });
    expect(await processDeliveries()).toMatchObject({ delivered: 1 });
    expect(receiver.state.users[externalId]?.locked).toBe(true);
    expect((await listAccountActions(customer.id))[0]).toMatchObject({ status: "CONFIRMED" });
    const attempt = await getDb().deliveryAttempt.findFirstOrThrow({ where: { endpointId } });
    expect(attempt.statusCode).toBe(202);
  });

  it("signs tokens as RFC 8417 and RFC 9493 ask: typ, kid, issuer, audience, jti, opaque subject", async () => {
    const token = await actionSecurityEventToken(
      {
        id: "6d1f0c7e-1111-4c8e-9a57-2f5c0b8a9e01",
        kind: "SESSIONS_ENDED",
        sequence: 7n,
        customerExternalId: "cus_ABC",
        reason: "Takeover",
        detail: {},
        createdAt: new Date(),
      },
      audience,
    );
    const header = decodeProtectedHeader(token);
    expect(header).toMatchObject({ alg: "ES256", typ: "secevent+jwt" });
    expect(header.kid).toBe((await deskJwks()).keys[0]?.kid);
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: appUrl(),
      aud: audience,
      jti: "6d1f0c7e-1111-4c8e-9a57-2f5c0b8a9e01",
      sub_id: { format: "opaque", id: "cus_ABC" },
    });
    expect(Object.keys(claims.events as object)).toEqual([
      "https://schemas.openid.net/secevent/caep/event-type/session-revoked",
    ]);
  });

  it("is refused by the receiver when tampered with, meant for another audience, or pushed without the bearer token", async () => {
    const input = {
      id: "6d1f0c7e-2222-4c8e-9a57-2f5c0b8a9e01",
      kind: "ACCOUNT_LOCKED" as const,
      sequence: 8n,
      customerExternalId: "cus_ABC",
      reason: "Takeover",
      detail: {},
      createdAt: new Date(),
    };
    const bearer = `Bearer ${secret}`;
    const token = await actionSecurityEventToken(input, audience);
    await expect(receiver.verifySet(token, bearer)).resolves.toMatchObject({
      event: { type: "account.locked" },
    });
    const [head, body, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), sub_id: { format: "opaque", id: "cus_OTHER" } }),
    ).toString("base64url");
    await expect(receiver.verifySet(`${head}.${forged}.${signature}`, bearer)).rejects.toThrow();
    expect(body).not.toBe(forged);
    const elsewhere = await actionSecurityEventToken(input, "https://other.example/ssf");
    await expect(receiver.verifySet(elsewhere, bearer)).rejects.toThrow(/aud/);
    await expect(receiver.verifySet(token, "Bearer wrong")).rejects.toThrow(/bearer/);
  });

  it("sends SSF's verification event as the test delivery", async () => {
    expect(await sendTestDelivery(admin, { endpointId })).toMatchObject({ ok: true });
  });

  it("publishes its configuration and one public key", async () => {
    expect(ssfConfiguration()).toMatchObject({
      issuer: appUrl(),
      jwks_uri: `${appUrl()}/.well-known/jwks.json`,
      delivery_methods_supported: ["urn:ietf:rfc:8935"],
    });
    const { keys } = await deskJwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });
});
