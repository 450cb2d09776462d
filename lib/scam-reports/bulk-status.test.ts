// Bulk status change on scam reports: all or none, one audit event per report, colleagues' reports
// refused to agents.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { setReportsStatus } from "./bulk-status";

const statuses = async (ids: string[]) =>
  (await getDb().scamReport.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } }))
    .map((row) => [ids.indexOf(row.id), row.status] as const)
    .sort((x, y) => x[0] - y[0])
    .map((pair) => pair[1]);

describe("bulk status change of scam reports", () => {
  it("changes every ticked report, one audit event each; one it already has is left alone", async () => {
    const agent = await actingAs(await createStaff());
    const a = await createScamReportRow();
    const b = await createScamReportRow({ assigneeId: agent.staff.id });
    const c = await createScamReportRow({ status: "TRIAGED" });
    const result = await setReportsStatus(agent, { reportIds: [a.id, b.id, c.id], status: "TRIAGED" });
    expect(result).toMatchObject({
      ok: true,
      data: { count: 2 },
      message: expect.stringContaining("1 already"),
    });
    expect(await statuses([a.id, b.id, c.id])).toEqual(["TRIAGED", "TRIAGED", "TRIAGED"]);
    const audit = await getDb().auditEvent.findMany({
      where: { action: "scam_report.triaged", targetId: { in: [a.id, b.id, c.id] } },
      select: { targetId: true, data: true },
    });
    expect(audit.map((event) => event.targetId).sort()).toEqual([a.id, b.id].sort());
    for (const event of audit) expect(event.data).toMatchObject({ bulk: true, to: { status: "TRIAGED" } });
  });

  it("refuses the whole batch for a colleague's, a closed or an unknown report; nothing changes", async () => {
    const agent = await actingAs(await createStaff());
    const colleague = await createStaff();
    const free = await createScamReportRow();
    const theirs = await createScamReportRow({ assigneeId: colleague.id });
    const closed = await createScamReportRow({ status: "CLOSED" });
    const refused = await setReportsStatus(agent, { reportIds: [free.id, theirs.id], status: "ESCALATED" });
    expect(refused).toMatchObject({
      ok: false,
      field: "reportIds",
      message: expect.stringContaining(theirs.reference),
    });
    expect(
      await setReportsStatus(agent, { reportIds: [free.id, closed.id], status: "ESCALATED" }),
    ).toMatchObject({ ok: false, message: expect.stringContaining(closed.reference) });
    expect(await statuses([free.id, theirs.id])).toEqual(["NEW", "NEW"]);
    expect(
      await getDb().auditEvent.count({
        where: { action: "scam_report.triaged", targetId: { in: [free.id, theirs.id] } },
      }),
    ).toBe(0);
  });
});
