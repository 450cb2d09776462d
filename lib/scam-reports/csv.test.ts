import { describe, expect, it } from "vitest";
import { csvCell, neutraliseFormula, toCsv } from "./csv";
import { EXPORT_COLUMNS, exportRow } from "./export";

describe("CSV cells", () => {
  it("neutralise cells that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r", "\n"]) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csvCell("+44 20 7946 0123")).toBe("'+44 20 7946 0123");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2+3")).toBe("'-2+3");
  });

  it("leave ordinary text alone and quote what needs quoting", () => {
    expect(csvCell("Account security team")).toBe("Account security team");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('said "hello"')).toBe('"said ""hello"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
    expect(csvCell(null)).toBe("");
    expect(csvCell(12.5)).toBe("12.5");
  });

  it("make a file with a byte-order mark and CRLF lines", () => {
    expect(toCsv(["a", "b"], [["1", "=2"]])).toBe("\uFEFFa,b\r\n1,'=2\r\n");
  });

  it("map a report onto the documented columns", () => {
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
    const csv = toCsv(EXPORT_COLUMNS, [row]);
    expect(csv.split("\r\n")[1]).toBe(
      "SR-H4X9-175T,Public form,New,2026-11-25T10:00:00.000Z,2026-11-25,09:35,Phone call,'+442079460123,020 7946 0123,'=cmd|' /C calc'!A0,,Daniel,One-time code; Password,Yes,89.99,GBP,Debit card,Said he was from the fraud team.,C-12",
    );
  });
});
