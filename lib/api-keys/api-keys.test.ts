import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { actingAs, createStaff } from "@/test/factories/staff";
import { createApiKeyRow } from "@/test/factories/api-keys";
import {
  LAST_USED_RESOLUTION_MS,
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from "./api-keys";
import { hashApiKey } from "./key-material";

const bearer = (key: string) => `Bearer ${key}`;

describe("API keys", () => {
  it("creates a key that is returned once and stored only as prefix and hash, with an audit event", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }), { ip: "192.0.2.10" });
    const result = await createApiKey(admin, {
      name: "Identity system (prod)",
      scopes: ["EVENTS_WRITE"],
      reason: "Connect the identity system",
    });
    expect(result.ok).toBe(true);
    if (!result.ok || !result.data) throw new Error("expected a key");
    const { key, id, prefix } = result.data;

    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      name: "Identity system (prod)",
      prefix,
      secretHash: hashApiKey(key),
      scopes: ["EVENTS_WRITE"],
      createdById: admin.staff.id,
      revokedAt: null,
    });
    // Nothing stored contains the secret part.
    const secret = key.split("_").slice(2).join("_");
    const everything = JSON.stringify(
      await getDb().$queryRawUnsafe("SELECT row_to_json(k)::text AS row FROM api_keys k"),
    );
    expect(everything).not.toContain(secret);

    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "api_key.created", targetId: id },
    });
    expect(audit).toMatchObject({
      actorId: admin.staff.id,
      reason: "Connect the identity system",
      ip: "192.0.2.10",
    });
    expect(audit.data).toEqual({ name: "Identity system (prod)", prefix, scopes: ["EVENTS_WRITE"] });
    expect(JSON.stringify({ ...audit, seq: String(audit.seq) })).not.toContain(secret);
  });

  it("authenticates a valid key and refuses malformed, unknown, mistyped and revoked ones", async () => {
    const { key, id, prefix } = await createApiKeyRow();
    expect(await authenticateApiKey(bearer(key))).toEqual({
      id,
      name: "Test identity system",
      prefix,
      scopes: ["EVENTS_WRITE"],
    });

    expect(await authenticateApiKey(null)).toBeNull();
    expect(await authenticateApiKey(key)).toBeNull(); // no scheme
    expect(await authenticateApiKey(`Basic ${key}`)).toBeNull();
    expect(await authenticateApiKey("Bearer not-a-key")).toBeNull();
    // Right prefix, wrong secret.
    const wrongSecret = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    expect(await authenticateApiKey(bearer(wrongSecret))).toBeNull();
    // Unknown prefix, well-formed.
    expect(await authenticateApiKey(bearer(`asd_zzzzzzzz_${key.slice(13)}`))).toBeNull();

    const revoked = await createApiKeyRow({ revoked: true });
    expect(await authenticateApiKey(bearer(revoked.key))).toBeNull();
  });

  it("revoking takes effect at once, is audited, and cannot be done twice", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }), { ip: "192.0.2.11" });
    const { key, id } = await createApiKeyRow();
    expect(await authenticateApiKey(bearer(key))).not.toBeNull();

    const result = await revokeApiKey(admin, { keyId: id, reason: "Key leaked in a ticket" });
    expect(result.ok).toBe(true);
    expect(await authenticateApiKey(bearer(key))).toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "api_key.revoked", targetId: id },
    });
    expect(audit).toMatchObject({ actorId: admin.staff.id, reason: "Key leaked in a ticket" });

    expect((await revokeApiKey(admin, { keyId: id, reason: "Again, by mistake" })).ok).toBe(false);
    expect(
      (await revokeApiKey(admin, { keyId: "00000000-0000-4000-8000-000000000000", reason: "Made-up id" })).ok,
    ).toBe(false);
    expect(await getDb().auditEvent.count({ where: { action: "api_key.revoked", targetId: id } })).toBe(1);
  });

  it("records last use at most once a minute, without an audit event per request", async () => {
    const { key, id } = await createApiKeyRow();
    const t0 = new Date("2026-11-27T10:00:00Z");
    await authenticateApiKey(bearer(key), t0);
    await authenticateApiKey(bearer(key), new Date(t0.getTime() + 30_000));
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await authenticateApiKey(bearer(key), later);
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
    expect(await getDb().auditEvent.count({ where: { targetId: id } })).toBe(0);
  });

  it("lists keys with who created them, active ones first", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const created = await createApiKey(admin, {
      name: "Listed key",
      scopes: ["EVENTS_WRITE"],
      reason: "For the list test",
    });
    if (!created.ok || !created.data) throw new Error("expected a key");
    await createApiKeyRow({ revoked: true, name: "Old key" });
    const list = await listApiKeys();
    const listed = list.find((item) => item.id === created.data?.id);
    expect(listed).toMatchObject({
      name: "Listed key",
      prefix: created.data.prefix,
      createdBy: { email: admin.staff.email },
      revokedAt: null,
    });
    const firstRevoked = list.findIndex((item) => item.revokedAt !== null);
    expect(list.slice(0, firstRevoked).every((item) => item.revokedAt === null)).toBe(true);
    expect(Object.keys(listed ?? {})).not.toContain("secretHash");
  });
});
