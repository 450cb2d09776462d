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
