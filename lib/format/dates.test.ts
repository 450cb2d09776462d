import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInZone, formatUtc } from "./dates";

// The zones staff pick in practice, plus ones whose offsets are unusual: half and three-quarter
// hours, a 30-minute DST shift, a negative-DST zone in tzdata (Dublin), the far side of the date line.
const ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Berlin",
  "America/New_York",
  "America/St_Johns",
  "America/Los_Angeles",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Australia/Sydney",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
];

// The previous implementation, kept as the reference the faster one must agree with.
const reference = (date: Date, timeZone: string) =>
  format(new TZDate(date, timeZone), "d MMM yyyy, HH:mm:ss");

describe("formatInZone", () => {
  it("shows the wall-clock time of the zone across a daylight-saving change", () => {
    // Clocks in London go forward at 01:00 UTC on 29 March 2026.
    expect(formatInZone(new Date("2026-03-29T00:59:59Z"), "Europe/London")).toBe("29 Mar 2026, 00:59:59");
    expect(formatInZone(new Date("2026-03-29T01:00:00Z"), "Europe/London")).toBe("29 Mar 2026, 02:00:00");
    expect(formatInZone(new Date("2026-09-07T18:15:00Z"), "Asia/Kathmandu")).toBe("8 Sep 2026, 00:00:00");
  });

  it("agrees with date-fns' TZDate for any instant and zone", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1971-01-01T00:00:00Z"),
          max: new Date("2099-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (date, zone) => {
          expect(formatInZone(date, zone)).toBe(reference(date, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("formatUtc", () => {
  it("formats in UTC whatever the process's zone", () => {
    expect(formatUtc(new Date("2026-01-05T23:07:09.999Z"))).toBe("5 Jan 2026, 23:07:09 UTC");
  });

  it("agrees with date-fns for any instant", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1971-01-01T00:00:00Z"),
          max: new Date("2099-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (date) => {
          expect(formatUtc(date)).toBe(`${reference(date, "UTC")} UTC`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
