import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashAuditEvent, hashMaterialAroundPrevHash, type AuditContent } from "./audit-hash";

const text = fc.option(fc.string({ unit: "grapheme", maxLength: 40 }), { nil: null });
const content: fc.Arbitrary<AuditContent> = fc.record({
  occurredAt: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
  actorType: fc.constantFrom("STAFF", "API_KEY", "SYSTEM", "CUSTOMER", "ANONYMOUS"),
  actorId: text,
  actorLabel: text,
  action: fc.string({ minLength: 1, maxLength: 30 }),
  targetType: text,
  targetId: text,
  reason: text,
  ip: text,
  // Keys that sort before and after "prevHash", and any JSON values below them.
  data: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
});
const hexHash = fc.stringMatching(/^[0-9a-f]{64}$/);

describe("hashMaterialAroundPrevHash", () => {
  it("gives the bytes hashAuditEvent hashes once the previous hash is put between its halves", () => {
    fc.assert(
      fc.property(content, hexHash, (row, prevHash) => {
        const { before, after } = hashMaterialAroundPrevHash(row);
        expect(createHash("sha256").update(before + prevHash + after).digest("hex")).toBe(hashAuditEvent(prevHash, row));
      }),
      { numRuns: 500 },
    );
  });
});
