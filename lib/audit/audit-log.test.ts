import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { GENESIS_HASH, hashAuditEvent } from "./audit-hash";
import { recordAuditEvent } from "./audit-log";

describe("audit log", () => {
  it("chains every row to the previous one, also under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        recordAuditEvent({ actor: { type: "SYSTEM", label: "test" }, action: "test.event", data: { index, nested: { b: 1, a: [1, 2] } } }),
      ),
    );
    const rows = await getDb().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(20);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(hashAuditEvent(prev, row));
      prev = row.hash;
    }
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
    const rows = await getDb().auditEvent.findMany({ where: { seq: { gt: last?.seq ?? 0n } }, orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.prevHash).toBe(last?.hash ?? GENESIS_HASH);
    expect(rows[0]?.reason).toBe("Kundin ruft an — «dringend» 📞");
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    for (const row of rows) expect(row.hash).toBe(hashAuditEvent(row.prevHash, row));
  });
});
