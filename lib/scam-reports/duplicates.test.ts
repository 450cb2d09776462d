import { describe, expect, it } from "vitest";
import { candidateWindows, findDuplicateHints, type DuplicateSubject } from "./duplicates";

const day = 86_400_000;
const at = (days: number) => new Date(Date.UTC(2026, 10, 20) + days * day);
const report = (
  id: string,
  number: string | null,
  customerId: string | null,
  days: number,
): DuplicateSubject => ({
  id,
  reference: `SR-${id.padStart(4, "0")}-0000`,
  contactNumberE164: number,
  customerId,
  contactedAt: at(days),
});

describe("duplicate hints", () => {
  const subject = report("1", "+442079460123", "cust-a", 0);
  const candidates = [
    subject,
    report("2", "+442079460123", null, -6.9),
    report("3", "+442079460123", null, 7.5),
    report("4", "+441134960456", "cust-a", 3),
    report("5", "+441134960456", "cust-b", 1),
    report("6", null, "cust-a", -8),
  ];

  it("find reports of the same number and the same customer within 7 days, either side, newest first", () => {
    const hints = findDuplicateHints(subject, candidates);
    expect(hints.sameNumber.map((item) => item.id)).toEqual(["2"]);
    expect(hints.sameCustomer.map((item) => item.id)).toEqual(["4"]);
  });

  it("find nothing for a report without a number or customer", () => {
    expect(findDuplicateHints(report("9", null, null, 0), candidates)).toEqual({
      sameNumber: [],
      sameCustomer: [],
    });
  });

  it("describe the windows a single query must cover", () => {
    expect(candidateWindows([subject])).toEqual([
      { contactNumberE164: "+442079460123", contactedAt: { gte: at(-7), lte: at(7) } },
      { customerId: "cust-a", contactedAt: { gte: at(-7), lte: at(7) } },
    ]);
  });
});
