import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { createScamReportRow } from "@/test/factories/scam-reports";
import {
  findWatchlisted,
  findWatchlistMentionsForCustomer,
  listWatchlist,
  watchlistRules,
} from "./watchlist";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe("watchlist", () => {
  it("lists numbers with at least 3 reports in 90 days by default, and drops old reports", async () => {
    expect(watchlistRules()).toEqual({ minReports: 3, days: 90 });
    const hot = "+441134960111";
    const cooling = "+441134960222";
    for (const days of [1, 10, 80])
      await createScamReportRow({
        contactNumberE164: hot,
        contactedAt: daysAgo(days),
        claimedOrganisation: "Parcel partner",
      });
    for (const days of [1, 10, 100])
      await createScamReportRow({ contactNumberE164: cooling, contactedAt: daysAgo(days) });

    const list = await listWatchlist();
    expect(list.map((entry) => entry.number)).toContain(hot);
    expect(list.map((entry) => entry.number)).not.toContain(cooling);
    expect(list.find((entry) => entry.number === hot)).toMatchObject({
      reports: 3,
      organisations: ["Parcel partner"],
    });
    // A configurable threshold: 2 reports in 30 days.
    expect((await listWatchlist({ minReports: 2, days: 30 })).map((entry) => entry.number)).toEqual(
      expect.arrayContaining([hot, cooling]),
    );
    expect([...(await findWatchlisted([hot, cooling, "+10000000000"])).keys()]).toEqual([hot]);
    expect((await findWatchlisted([])).size).toBe(0);
  });

  it("finds watchlisted numbers in a customer's reports and in their cases' notes", async () => {
    const number = "+447700900333";
    for (const days of [2, 3, 4])
      await createScamReportRow({ contactNumberE164: number, contactedAt: daysAgo(days) });
    const fromReport = await createCustomer();
    const report = await createScamReportRow({
      contactNumberE164: number,
      contactedAt: daysAgo(1),
      customerId: fromReport.id,
    });
    const fromCase = await createCustomer();
    const kase = await getDb().case.create({
      data: { customerId: fromCase.id, type: "SCAM_CALL", subject: "Odd call" },
      select: { id: true, number: true },
    });
    await getDb().caseNote.create({
      data: { caseId: kase.id, body: "Customer says the caller rang from 07700 900333 twice." },
    });
    const unrelated = await createCustomer();

    expect(await findWatchlistMentionsForCustomer(fromReport.id)).toMatchObject([
      { number, reports: 4, mentionedIn: [{ kind: "report", reference: report.reference }] },
    ]);
    expect(await findWatchlistMentionsForCustomer(fromCase.id)).toMatchObject([
      { number, mentionedIn: [{ kind: "case", caseId: kase.id, number: kase.number }] },
    ]);
    expect(await findWatchlistMentionsForCustomer(unrelated.id)).toEqual([]);
  });
});
