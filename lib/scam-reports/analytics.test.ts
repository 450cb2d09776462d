import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { bucketFor, getScamAnalytics } from "./analytics";
import { EXPORT_COLUMNS, exportScamReportsCsv } from "./export";

const DAY = 86_400_000;

describe("analytics", () => {
  it("counts reports over time, top numbers and organisations, asks and money lost", async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    await createScamReportRow({
      createdAt: ago(1),
      contactNumberE164: "+442079460123",
      claimedOrganisation: "Bank fraud dept",
      asks: ["ONE_TIME_CODE", "PASSWORD"],
      moneyLostCents: 10_000,
      currency: "GBP",
      paymentMethod: "Bank transfer",
      sharedSomething: true,
    });
    await createScamReportRow({
      createdAt: ago(2),
      contactNumberE164: "+442079460123",
      claimedOrganisation: "bank fraud dept",
      asks: ["ONE_TIME_CODE"],
      moneyLostCents: 5_000,
      currency: "GBP",
      paymentMethod: "Bank transfer",
    });
    await createScamReportRow({
      createdAt: ago(3),
      contactNumberE164: "+441134960456",
      claimedOrganisation: "Parcel partner",
      asks: ["GIFT_CARDS"],
      moneyLostCents: 2_500,
      currency: "USD",
      paymentMethod: "Gift cards",
      source: "STAFF",
    });
    await createScamReportRow({ createdAt: ago(45), contactNumberE164: "+441134960456" });

    const month = await getScamAnalytics(30, now);
    expect(month).toMatchObject({ total: 3, fromPublic: 2, shared: 1, bucket: "day" });
    expect(month.overTime).toHaveLength(31);
    expect(month.overTime.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(3);
    expect(month.topNumbers[0]).toMatchObject({ number: "+442079460123", count: 2 });
    expect(month.topOrganisations[0]).toMatchObject({ count: 2 });
    expect(month.topOrganisations[0]?.organisation.toLowerCase()).toBe("bank fraud dept");
    expect(month.asks).toEqual([{ ask: "ONE_TIME_CODE", count: 2 }, expect.anything(), expect.anything()]);
    expect(month.moneyByCurrency).toEqual([
      { currency: "GBP", reports: 2, totalCents: 15_000, largestCents: 10_000 },
      { currency: "USD", reports: 1, totalCents: 2_500, largestCents: 2_500 },
    ]);
    expect(month.paymentMethods[0]).toEqual({ method: "Bank transfer", reports: 2 });
    expect(month.byChannel).toEqual([{ channel: "CALL", count: 3 }]);

    const quarter = await getScamAnalytics(90, now);
    expect(quarter.total).toBe(4);
    expect(quarter.bucket).toBe("week");
    expect(bucketFor(365)).toBe("month");
  });

  it("exports CSV with formula-looking text neutralised, and audits the export", async () => {
    const staff = await actingAs(await createStaff({ role: "SUPERVISOR" }));
    await createScamReportRow({
      claimedOrganisation: '=HYPERLINK("http://evil.example")',
      story: "<script>alert(1)</script>\n-2+3",
      claimedName: "@admin",
    });
    const { csv, rows } = await exportScamReportsCsv(staff, 30);
    expect(rows).toBe(
      await getDb().scamReport.count({ where: { createdAt: { gte: new Date(Date.now() - 30 * DAY) } } }),
    );
    expect(csv.startsWith(`\uFEFF${EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(",'@admin,");
    expect(csv).toContain(`"<script>alert(1)</script>\n-2+3"`);
    expect(
      await getDb().auditEvent.findFirst({
        where: { action: "scam_report.exported", actorId: staff.staff.id },
      }),
    ).toMatchObject({ data: { days: 30, rows, format: "csv" } });
  });
});
