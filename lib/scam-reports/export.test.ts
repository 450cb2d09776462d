import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv/csv";
import { EXPORT_COLUMNS, exportRow } from "./export";

// Formula neutralisation itself is tested with lib/csv; this is the mapping of a report onto columns.
describe("the scam-report export", () => {
  it("maps a report onto the documented columns, formulas neutralised", () => {
    const row = exportRow({
      reference: "SR-H4X9-175T",
      source: "PUBLIC_FORM",
      status: "NEW",
      createdAt: new Date("2026-11-25T10:00:00Z"),
      contactedAt: new Date("2026-11-25T09:35:00Z"),
      channel: "CALL",
      contactNumberE164: "+442079460123",
      contactRaw: "020 7946 0123",
      claimedOrganisation: "=cmd|' /C calc'!A0",
      claimedRole: null,
      claimedName: "Daniel",
      asks: ["ONE_TIME_CODE", "PASSWORD"],
      sharedSomething: true,
      moneyLostCents: 8_999,
      currency: "GBP",
      paymentMethod: "Debit card",
      story: "Said he was from the fraud team.",
      case: { number: 12 },
    });
    expect(row).toHaveLength(EXPORT_COLUMNS.length);
    const csv = toCsv([...EXPORT_COLUMNS], [row]);
    expect(csv.split("\r\n")[1]).toBe(
      "SR-H4X9-175T,Public form,New,2026-11-25T10:00:00.000Z,2026-11-25,09:35,Phone call,'+442079460123,020 7946 0123,'=cmd|' /C calc'!A0,,Daniel,One-time code; Password,Yes,89.99,GBP,Debit card,Said he was from the fraud team.,C-12",
    );
  });
});
