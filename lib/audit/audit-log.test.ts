import pg from "pg";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { GENESIS_HASH, hashAuditEvent } from "./audit-hash";
import { appendAuditEvent, recordAuditEvent } from "./audit-log";
import { verifyAuditChain } from "./verify-chain";

// The tests of this file share one database, and audit rows cannot be deleted: each test looks at
// the rows after those that were there when it started.
async function lastRow() {
  return getDb().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
}

/** Checks every link of the whole chain, and returns the rows after `start` (from lastRow()). */
async function expectIntactChain(start: { seq: bigint } | null, newRows: number) {
  const rows = await getDb().auditEvent.findMany({ orderBy: { seq: "asc" } });
  let prev = GENESIS_HASH;
  for (const row of rows) {
    expect(row.prevHash).toBe(prev);
    expect(row.hash).toBe(hashAuditEvent(prev, row));
    prev = row.hash;
  }
  expect(await verifyAuditChain()).toMatchObject({ ok: true, rows: rows.length });
  const added = rows.filter((row) => row.seq > (start?.seq ?? 0n));
  expect(added).toHaveLength(newRows);
  return added;
}

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Polls until the condition holds (a concurrency test must wait for the database, not for a clock). */
async function waitUntil(condition: () => Promise<boolean>) {
  for (let tries = 0; tries < 400; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("condition not reached");
}

describe("audit log", () => {
  it("chains every row to the previous one, also under concurrent appends", async () => {
    const start = await lastRow();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        recordAuditEvent({
          actor: { type: "SYSTEM", label: "test" },
          action: "test.event",
          data: { index, nested: { b: 1, a: [1, 2] } },
        }),
      ),
    );
    await expectIntactChain(start, 20);
  });

  it("hashes in the database exactly what verification recomputes, whatever the text", async () => {
    const start = await lastRow();
    const awkward = [
      'quote " and backslash \\',
      "naïve café ß",
      "emoji 😀 and \u2028 line separator",
      "<script>",
      "",
    ];
    for (const [index, value] of awkward.entries()) {
      await recordAuditEvent({
        actor: { type: "STAFF", id: `00000000-0000-4000-8000-00000000000${index}`, label: value },
        action: "test.awkward",
        target: { type: "customer", id: value },
        reason: value,
        ip: "2001:db8::1",
        data: {
          [value]: value,
          prevHash: "not the real one",
          list: [value, null, 1.5, { z: true, a: false }],
        },
      });
    }
    await recordAuditEvent({ actor: { type: "ANONYMOUS" }, action: "test.anonymous" });
    const rows = await expectIntactChain(start, awkward.length + 1);
    expect(rows[0]).toMatchObject({
      reason: awkward[0],
      actorLabel: awkward[0],
      targetId: awkward[0],
      ip: "2001:db8::1",
    });
    expect(rows.at(-1)).toMatchObject({ actorType: "ANONYMOUS", actorLabel: null, actorId: null, data: {} });
  });

  it("keeps an append inside a transaction: it rolls back with the change and holds the chain until commit", async () => {
    const db = getDb();
    const start = await lastRow();
    await recordAuditEvent({ actor: { type: "SYSTEM", label: "test" }, action: "test.before" });

    // A rolled-back change leaves no audit row, and the chain goes on from the last committed one.
    await expect(
      db.$transaction(async (tx) => {
        await appendAuditEvent(tx, { actor: { type: "SYSTEM", label: "test" }, action: "test.rolled_back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    // While a transaction that appended is still open, another append waits for it and then links
    // to its row (it must read the last hash after the lock is granted, not before).
    let commit: () => void = () => {};
    const released = new Promise<void>((resolve) => (commit = resolve));
    const slow = db.$transaction(async (tx) => {
      await appendAuditEvent(tx, { actor: { type: "SYSTEM", label: "test" }, action: "test.slow" });
      await released;
    });
    await waitUntil(() =>
      withClient(async (client) => {
        const { rows } = await client.query(
          "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7231001 AND granted",
        );
        return rows.length === 1;
      }),
    );
    let fastDone = false;
    const fast = recordAuditEvent({ actor: { type: "SYSTEM", label: "test" }, action: "test.fast" }).then(
      () => {
        fastDone = true;
      },
    );
    await waitUntil(() =>
      withClient(async (client) => {
        const { rows } = await client.query(
          "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%append_audit_event%' AND pid <> pg_backend_pid()",
        );
        return rows.length === 1;
      }),
    );
    expect(fastDone).toBe(false);
    commit();
    await Promise.all([slow, fast]);

    const rows = await expectIntactChain(start, 3);
    expect(rows.map((row) => row.action)).toEqual(["test.before", "test.slow", "test.fast"]);
  });

  it("continues a chain written by the former app-side append", async () => {
    // The rows already in a database were hashed by the app (hashAuditEvent) and inserted as is.
    const start = await lastRow();
    const prevHash = start?.hash ?? GENESIS_HASH;
    const occurredAt = new Date("2026-11-01T09:30:00.123Z");
    const content = {
      occurredAt,
      actorType: "SYSTEM",
      actorId: null,
      actorLabel: "before the upgrade",
      action: "test.legacy",
      targetType: null,
      targetId: null,
      reason: null,
      ip: null,
      data: { b: [1, { y: 2, x: 1 }], a: "é" },
    };
    await withClient((client) =>
      client.query(
        `INSERT INTO audit_events (occurred_at, actor_type, actor_label, action, data, prev_hash, hash) VALUES ($1, 'SYSTEM', $2, $3, $4, $5, $6)`,
        [
          occurredAt,
          content.actorLabel,
          content.action,
          JSON.stringify(content.data),
          prevHash,
          hashAuditEvent(prevHash, content),
        ],
      ),
    );
    await recordAuditEvent({ actor: { type: "SYSTEM", label: "test" }, action: "test.after_upgrade" });
    const rows = await expectIntactChain(start, 2);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
  });
});

describe("audit rows hashed by PostgreSQL", () => {
  it("match the hash recomputed in JavaScript, for text outside ASCII and nested data too", async () => {
    const last = await getDb().auditEvent.findFirst({ orderBy: { seq: "desc" } });
    await recordAuditEvent({
      actor: { type: "STAFF", id: "staff-1", label: "zoë@desk.example" },
      action: "customer.viewed",
      target: { type: "customer", id: "c-1" },
      reason: "Kundin ruft an — «dringend» 📞",
      ip: "2001:db8::1",
      data: { zeta: "ü", alpha: [1, "two", null, { b: true, a: 1.5 }], prevHashLike: "0".repeat(64) },
    });
    await recordAuditEvent({ actor: { type: "ANONYMOUS" }, action: "test.second" });
    const rows = await getDb().auditEvent.findMany({
      where: { seq: { gt: last?.seq ?? 0n } },
      orderBy: { seq: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.prevHash).toBe(last?.hash ?? GENESIS_HASH);
    expect(rows[0]?.reason).toBe("Kundin ruft an — «dringend» 📞");
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    for (const row of rows) expect(row.hash).toBe(hashAuditEvent(row.prevHash, row));
  });
});
