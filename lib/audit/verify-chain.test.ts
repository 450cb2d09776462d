import pg from "pg";
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "./audit-log";
import { verifyAuditChain } from "./verify-chain";

async function sql(query: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(query, values);
  } finally {
    await client.end();
  }
}

describe("audit log integrity", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    await recordAuditEvent({ actor: { type: "SYSTEM", label: "test" }, action: "test.one" });
    await expect(sql("UPDATE audit_events SET reason = 'edited'")).rejects.toThrow(/append-only/);
    await expect(sql("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    await expect(sql("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
  });

  it("verifies an intact chain and finds a forged row inserted with a wrong hash", async () => {
    for (let index = 0; index < 3; index++) {
      await recordAuditEvent({
        actor: { type: "SYSTEM", label: "test" },
        action: "test.intact",
        data: { index },
      });
    }
    const intact = await verifyAuditChain();
    expect(intact.ok).toBe(true);
    if (!intact.ok) return;

    // A forger who can INSERT links to the last hash but cannot produce a matching hash for content
    // they choose without it showing: here the hash is simply made up.
    const forged = await sql(
      `INSERT INTO audit_events (actor_type, action, data, prev_hash, hash) VALUES ('SYSTEM', 'staff.invited', '{}', $1, $2) RETURNING seq`,
      [intact.lastHash, "f".repeat(64)],
    );
    const report = await verifyAuditChain();
    expect(report).toMatchObject({
      ok: false,
      problem: "content-does-not-match-hash",
      brokenAt: BigInt((forged.rows[0] as { seq: string }).seq),
    });

    // A row after the forgery that links to a wrong previous hash is reported as such.
    await recordAuditEvent({ actor: { type: "SYSTEM", label: "test" }, action: "test.after" });
    expect((await verifyAuditChain()).ok).toBe(false);
  });
});
