import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV", () => {
  it("neutralises formulas in every form spreadsheets accept", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+44 7700 900123")).toBe("'+44 7700 900123");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
  });

  it("quotes commas, quotes and line breaks and leaves plain text alone", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, new Date("2026-01-01T00:00:00Z")]])).toBe(
      "a,b\r\n1,2026-01-01T00:00:00.000Z\r\n",
    );
  });
});
