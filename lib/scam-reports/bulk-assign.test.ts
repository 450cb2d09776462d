// Assigning several reports from the queue: all or none, one audit event per report.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { assignReports } from "./triage";

describe("bulk assignment of scam reports", () => {
  it("assigns every ticked report with an audit event each", async () => {
    const agent = await actingAs(await createStaff());
    const colleague = await createStaff();
    const a = await createScamReportRow();
    const b = await createScamReportRow({ status: "TRIAGED" });
    const result = await assignReports(agent, { reportIds: [a.id, b.id], assigneeId: colleague.id });
    expect(result).toMatchObject({ ok: true, data: { count: 2 } });
    const db = getDb();
    const rows = await db.scamReport.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { assigneeId: true, status: true },
      orderBy: { status: "asc" },
    });
    expect(rows).toEqual([
      { assigneeId: colleague.id, status: "NEW" },
      { assigneeId: colleague.id, status: "TRIAGED" },
    ]);
    const audit = await db.auditEvent.findMany({
      where: { action: "scam_report.triaged", targetId: { in: [a.id, b.id] } },
      select: { actorId: true, data: true },
    });
    expect(audit).toHaveLength(2);
    for (const event of audit)
      expect(event).toMatchObject({
        actorId: agent.staff.id,
        data: { bulk: true, to: { assigneeId: colleague.id } },
      });
  });

  it("refuses the whole request for a closed or unknown report, or an assignee not on the list", async () => {
    const agent = await actingAs(await createStaff());
    const colleague = await createStaff();
    const open = await createScamReportRow();
    const closed = await createScamReportRow({ status: "CLOSED" });
    const db = getDb();
    const before = await db.auditEvent.count({ where: { action: "scam_report.triaged" } });
    expect(
      await assignReports(agent, { reportIds: [open.id, closed.id], assigneeId: colleague.id }),
    ).toMatchObject({
      ok: false,
      message: `Closed reports cannot be assigned (${closed.reference}). Nothing was assigned.`,
    });
    expect(
      await assignReports(agent, {
        reportIds: [open.id, "00000000-0000-4000-8000-000000000000"],
        assigneeId: colleague.id,
      }),
    ).toMatchObject({ ok: false });
    const gone = await createStaff({ deactivated: true });
    expect(await assignReports(agent, { reportIds: [open.id], assigneeId: gone.id })).toMatchObject({
      ok: false,
      message: "Choose someone from the list.",
    });
    expect((await db.scamReport.findUniqueOrThrow({ where: { id: open.id } })).assigneeId).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "scam_report.triaged" } })).toBe(before);
  });
});
