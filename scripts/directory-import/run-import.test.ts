// The bulk first load against real PostgreSQL: customers applied, bad lines reported with their
// line numbers, a stopped run resumed from its checkpoint, a repeated run changing nothing.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { runImport } from "./run-import";

const line = (i: number, changes: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: "customer_upserted",
    eventId: `evt_imp_${i}`,
    occurredAt: "2026-11-30T12:00:00Z",
    customer: {
      externalId: `cus_imp_${i}`,
      name: `Imported Person ${i}`,
      email: `imported.${i}@example.com`,
      status: "active",
      createdAt: "2024-01-01T00:00:00Z",
      ...changes,
    },
  });

describe("directory:import", () => {
  it("imports, reports bad lines by number, resumes from its checkpoint, and a second run changes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "directory-import-"));
    const file = path.join(dir, "customers.ndjson");
    const lines = [
      ...Array.from({ length: 8 }, (_, i) => line(i)),
      "{ not json",
      line(9, { email: "imported.0@example.com" }), // another customer's email
      JSON.stringify({ type: "factor_enrolled" }),
      line(11, { status: "sleeping" }),
      line(12),
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const databaseUrl = process.env.DATABASE_URL ?? "";

    const first = await runImport(file, { batchSize: 4, databaseUrl, restart: true });
    expect(first).toMatchObject({ lines: 13, applied: 9, rejected: 4 });
    const rejected = readFileSync(`${file}.rejected.ndjson`, "utf8")
      .trim()
      .split("\n")
      .map((entry) => JSON.parse(entry) as { line: number; errors: { message: string }[] });
    expect(rejected.map((entry) => entry.line)).toEqual([9, 10, 11, 12]);
    expect(rejected[1]?.errors[0]?.message).toMatch(/another customer/);
    expect(await getDb().customer.count({ where: { externalId: { startsWith: "cus_imp_" } } })).toBe(9);
    expect(existsSync(`${file}.progress.json`)).toBe(false);

    // A run stopped after its first batch: the checkpoint says where to go on.
    const stat = statSync(file);
    const firstBatchBytes = lines.slice(0, 4).join("\n").length + 1;
    writeFileSync(
      `${file}.progress.json`,
      JSON.stringify({
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        offset: firstBatchBytes,
        line: 5,
        applied: 4,
        superseded: 0,
        rejected: 0,
      }),
    );
    const resumed = await runImport(file, { batchSize: 4, databaseUrl });
    expect(resumed.lines).toBe(9);
    expect(resumed).toMatchObject({ applied: 4, superseded: 5, rejected: 4 });
  });
});
