import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditHashMaterialAround, hashAuditEvent, type AuditContent } from "./audit-hash";

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom('"prevHash":"', "\\", "\u2028", "😀", "\u0000"),
);
const nullableText = fc.option(text, { nil: null });
// Data as it comes back from jsonb: plain JSON values, including keys that sort around "prevHash".
const data = fc.dictionary(
  fc.oneof(text, fc.constantFrom("prevHash", "occurredAt", "reason", "a", "z")),
  fc.jsonValue(),
);
const content: fc.Arbitrary<AuditContent> = fc.record({
  occurredAt: fc.date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2100-01-01T00:00:00Z"),
    noInvalidDate: true,
  }),
  actorType: fc.constantFrom("STAFF", "API_KEY", "SYSTEM", "CUSTOMER", "ANONYMOUS"),
  actorId: nullableText,
  actorLabel: nullableText,
  action: text,
  targetType: nullableText,
  targetId: nullableText,
  reason: nullableText,
  ip: nullableText,
  data,
});
const hash = fc.stringMatching(/^[0-9a-f]{64}$/);

describe("audit hash material split around the previous hash", () => {
  it("hashes to exactly what hashAuditEvent computes, for any content and previous hash", () => {
    fc.assert(
      fc.property(content, hash, (event, prevHash) => {
        const { head, tail } = auditHashMaterialAround(event);
        const joined = createHash("sha256")
          .update(head + prevHash + tail)
          .digest("hex");
        expect(joined).toBe(hashAuditEvent(prevHash, event));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves the previous hash out of both halves, so the database must supply it", () => {
    const event: AuditContent = {
      occurredAt: new Date("2026-11-27T10:00:00.000Z"),
      actorType: "SYSTEM",
      actorId: null,
      actorLabel: "test",
      action: "test.split",
      targetType: null,
      targetId: null,
      reason: null,
      ip: null,
      data: {},
    };
    const { head, tail } = auditHashMaterialAround(event);
    expect(head.endsWith('"prevHash":"')).toBe(true);
    expect(tail.startsWith('","reason":null')).toBe(true);
    expect(
      createHash("sha256")
        .update(head + "0".repeat(64) + tail)
        .digest("hex"),
    ).not.toBe(hashAuditEvent("1".repeat(64), event));
  });
});
