import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportFormFields, wallClock } from "@/test/factories/scam-reports";
import {
  cleanText,
  parseMoneyToCents,
  publicReportSchema,
  staffReportSchema,
  triageSchema,
  wallClockToInstant,
} from "./schemas";

function errorsOf(input: Record<string, unknown>): Record<string, string[]> {
  const result = publicReportSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (errors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return errors;
}

describe("publicReportSchema", () => {
  it("accepts a complete report and normalises what it stores", () => {
    const result = publicReportSchema.parse(
      reportFormFields({ moneyLost: "£1,250.50", paymentMethod: "Bank transfer" }),
    );
    expect(result).toMatchObject({
      channel: "CALL",
      contactRaw: "020 7946 0123",
      contactNumberE164: "+442079460123",
      asks: ["ONE_TIME_CODE", "PERSONAL_DETAILS"],
      sharedSomething: true,
      moneyLostCents: 125_050,
      currency: "GBP",
      paymentMethod: "Bank transfer",
      reporterEmail: null,
    });
    expect(result.contactedAt.getTime()).toBeLessThan(Date.now());
  });

  it("keeps HTML and script text exactly as typed: it is rendered as text, never interpreted", () => {
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> =HYPERLINK("http://evil.example")`;
    const result = publicReportSchema.parse(
      reportFormFields({ claimedOrganisation: hostile, story: hostile, claimedName: "@SUM(1+1)" }),
    );
    expect(result.claimedOrganisation).toBe(hostile);
    expect(result.story).toBe(hostile);
    expect(result.claimedName).toBe("@SUM(1+1)");
  });

  it("removes NUL and other control characters (PostgreSQL refuses NUL) and bidi overrides", () => {
    const result = publicReportSchema.parse(
      reportFormFields({
        claimedName: "Da\u0000ni\u202Eel",
        story: "Line one\r\nline two\u0007 and more text",
      }),
    );
    expect(result.claimedName).toBe("Daniel");
    expect(result.story).toBe("Line one\nline two and more text");
  });

  it("refuses a story over 10,000 characters, including a 1 MB one, with a clear message", () => {
    expect(errorsOf(reportFormFields({ story: "a".repeat(10_000) }))).toEqual({});
    const errors = errorsOf(reportFormFields({ story: "a".repeat(1_048_576) }));
    expect(errors.story?.[0]).toMatch(
      /Your story is 1,048,576 characters long\. Please shorten it to 10,000 characters or fewer/,
    );
  });

  it("reports every problem at once, cross-field rules included", () => {
    const errors = errorsOf(
      reportFormFields({
        story: "",
        contactedAt: wallClock(new Date(Date.now() + 86_400_000)),
        moneyLost: "-1",
        reporterEmail: "x",
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["contactedAt", "moneyLost", "reporterEmail", "story"]);
    expect(errorsOf(reportFormFields({ story: "", moneyLost: "5", currency: "" })).currency).toEqual([
      "Choose the currency of the money you lost.",
    ]);
    for (const input of [undefined, null, "text", 42, []])
      expect(publicReportSchema.safeParse(input).success).toBe(false);
  });

  it("requires the essentials", () => {
    const errors = errorsOf({});
    expect(Object.keys(errors).sort()).toEqual(["channel", "contactedAt", "shared", "story"]);
    expect(errors.channel?.[0]).toBe("Choose how they contacted you.");
  });

  it("refuses dates in the future, dates that do not exist and dates long ago", () => {
    expect(
      errorsOf(reportFormFields({ contactedAt: wallClock(new Date(Date.now() + 2 * 3_600_000)) }))
        .contactedAt?.[0],
    ).toMatch(/in the future/);
    expect(errorsOf(reportFormFields({ contactedAt: "2026-02-31T10:00" })).contactedAt?.[0]).toMatch(
      /does not exist/,
    );
    expect(errorsOf(reportFormFields({ contactedAt: "2001-01-01T10:00" })).contactedAt?.[0]).toMatch(
      /last 5 years/,
    );
    expect(errorsOf(reportFormFields({ contactedAt: "yesterday" })).contactedAt?.[0]).toMatch(
      /Enter a date and time/,
    );
  });

  it("reads the wall clock in the reporter's time zone", () => {
    expect(wallClockToInstant("2026-07-01T10:30", "Europe/London")?.toISOString()).toBe(
      "2026-07-01T09:30:00.000Z",
    );
    expect(wallClockToInstant("2026-07-01T10:30", "America/New_York")?.toISOString()).toBe(
      "2026-07-01T14:30:00.000Z",
    );
    expect(errorsOf(reportFormFields({ timeZone: "Mars/Olympus_Mons" })).timeZone?.[0]).toBe(
      "Choose a time zone from the list.",
    );
  });

  it("refuses negative, malformed and absurd amounts, and asks for a currency", () => {
    expect(errorsOf(reportFormFields({ moneyLost: "-50" })).moneyLost?.[0]).toMatch(/0 or more/);
    expect(errorsOf(reportFormFields({ moneyLost: "1e9" })).moneyLost?.[0]).toMatch(/like 250 or 89.99/);
    expect(errorsOf(reportFormFields({ moneyLost: "99999999999" })).moneyLost?.[0]).toMatch(
      /more than this form can record/,
    );
    expect(errorsOf(reportFormFields({ moneyLost: "50", currency: "" })).currency?.[0]).toMatch(
      /Choose the currency/,
    );
    expect(errorsOf(reportFormFields({ moneyLost: "50", currency: "XBT" })).currency?.[0]).toMatch(
      /currency from the list/,
    );
    expect(publicReportSchema.parse(reportFormFields({ moneyLost: "0" })).moneyLostCents).toBe(0);
  });

  it("normalises foreign numbers with their country code and keeps invalid ones as raw text", () => {
    const parse = (contact: string, channel = "CALL") =>
      publicReportSchema.parse(reportFormFields({ contact, channel }));
    expect(parse("+33 6 12 34 56 78")).toMatchObject({
      contactNumberE164: "+33612345678",
      contactRaw: "+33 6 12 34 56 78",
    });
    expect(parse("001 202 555 0142")).toMatchObject({ contactNumberE164: "+12025550142" });
    expect(parse("07700 900777")).toMatchObject({ contactNumberE164: "+447700900777" });
    expect(parse("12")).toMatchObject({ contactNumberE164: null, contactRaw: "12" });
    expect(parse("Withheld")).toMatchObject({ contactNumberE164: null, contactRaw: "Withheld" });
    expect(parse("0800123456@mail.example", "EMAIL")).toMatchObject({
      contactNumberE164: null,
      contactRaw: "0800123456@mail.example",
    });
    expect(parse("")).toMatchObject({ contactNumberE164: null, contactRaw: null });
  });

  it("treats checkbox groups, repeated values and arrays where strings belong calmly", () => {
    expect(publicReportSchema.parse(reportFormFields({ asks: "PASSWORD" })).asks).toEqual(["PASSWORD"]);
    expect(publicReportSchema.parse(reportFormFields({ asks: ["PASSWORD", "PASSWORD"] })).asks).toEqual([
      "PASSWORD",
    ]);
    expect(errorsOf(reportFormFields({ asks: ["PASSWORD", "DROP TABLE"] })).asks).toEqual([
      "Choose from the list.",
    ]);
    expect(publicReportSchema.parse(reportFormFields({ claimedName: ["Dan", "Other"] })).claimedName).toBe(
      "Dan",
    );
    expect(errorsOf(reportFormFields({ reporterEmail: "not an email" })).reporterEmail?.[0]).toMatch(
      /like name@example.com/,
    );
  });

  it("never throws, whatever a crafted request sends", () => {
    const anyValue = fc.oneof(
      fc.string(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constant(undefined),
      fc.integer(),
      fc.object(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(reportFormFields()), "formToken", "website"), anyValue),
        (fields) => {
          expect(() => publicReportSchema.safeParse(fields)).not.toThrow();
          expect(() => staffReportSchema.safeParse(fields)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("staffReportSchema", () => {
  it("adds an optional customer and case number", () => {
    const result = staffReportSchema.parse(
      reportFormFields({ customer: " marcus.reid@example.com ", caseNumber: "C-1042" }),
    );
    expect(result).toMatchObject({ customerQuery: "marcus.reid@example.com", caseNumber: 1042 });
    expect(staffReportSchema.parse(reportFormFields()).caseNumber).toBeNull();
    expect(staffReportSchema.safeParse(reportFormFields({ caseNumber: "case one" })).success).toBe(false);
  });
});

describe("triageSchema", () => {
  it("accepts a reference as typed and an empty assignee", () => {
    expect(triageSchema.parse({ reference: "sr-h4x9-175t", status: "TRIAGED", assigneeId: "" })).toEqual({
      reference: "SR-H4X9-175T",
      status: "TRIAGED",
      assigneeId: null,
    });
    expect(triageSchema.safeParse({ reference: "nope", status: "TRIAGED", assigneeId: "" }).success).toBe(
      false,
    );
  });
});

describe("parseMoneyToCents and cleanText", () => {
  it("parses the ways people write amounts", () => {
    expect(parseMoneyToCents("89.99")).toEqual({ ok: true, cents: 8_999 });
    expect(parseMoneyToCents("£ 1,000")).toEqual({ ok: true, cents: 100_000 });
    expect(parseMoneyToCents("1000000")).toEqual({ ok: true, cents: 100_000_000 });
    expect(parseMoneyToCents("1000000.01").ok).toBe(true);
    expect(parseMoneyToCents("1000001").ok).toBe(false);
    expect(parseMoneyToCents("12.345").ok).toBe(false);
    expect(parseMoneyToCents("1,00").ok).toBe(false);
  });

  it("collapses whitespace in single-line fields", () => {
    expect(cleanText("  Bank \n\t fraud  ")).toBe("Bank fraud");
    expect(cleanText("  a \n b  ", true)).toBe("a \n b");
  });
});

describe("describeContact", () => {
  it("explains numbers that could not be read and numbers in unused ranges", async () => {
    const { describeContact } = await import("./contact-number");
    expect(describeContact({ contactRaw: "12", contactNumberE164: null }, "CALL")).toMatch(
      /Not a valid phone number/,
    );
    expect(
      describeContact({ contactRaw: "07700 900777", contactNumberE164: "+447700900777" }, "CALL"),
    ).toMatch(/spoofed/);
    expect(
      describeContact({ contactRaw: "020 7946 0123", contactNumberE164: "+442079460123" }, "CALL"),
    ).toBeNull();
    expect(describeContact({ contactRaw: "NW-Market", contactNumberE164: null }, "TEXT")).toBeNull();
    expect(describeContact({ contactRaw: "123@example.com", contactNumberE164: null }, "EMAIL")).toBeNull();
  });
});
