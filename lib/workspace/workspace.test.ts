// The home page's work lists and the navigation's counts, and the top bar's search, against a real
// database: what each staff member sees waiting, in which order, and what a search finds (and audits).
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { openCase } from "@/lib/cases/cases";
import { listMyOpenCases, listUnassignedCases } from "@/lib/cases/case-queries";
import { listReportsToTriage } from "@/lib/scam-reports/queue";
import { createCustomer } from "@/test/factories/customers";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { classifyConsoleQuery, searchConsole } from "./console-search";
import { countWorkload } from "./workload";

async function openCaseFor(ctx: Awaited<ReturnType<typeof actingAs>>, subject: string, ageDays: number) {
  const customer = await createCustomer();
  const opened = await openCase(ctx, { customerId: customer.id, type: "SCAM_CALL", subject });
  if (!opened.ok) throw new Error(opened.message);
  await getDb().case.update({
    where: { id: opened.data.id },
    data: { createdAt: new Date(Date.now() - ageDays * 86_400_000) },
  });
  return { ...opened.data, customer };
}

async function lastSeq(): Promise<bigint> {
  return (await getDb().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n;
}

describe("my work", () => {
  it("lists my open cases oldest first, without closed ones or other people's", async () => {
    const me = await actingAs(await createStaff());
    const other = await actingAs(await createStaff());
    const newer = await openCaseFor(me, "Newer", 1);
    const oldest = await openCaseFor(me, "Oldest", 9);
    const closed = await openCaseFor(me, "Closed", 20);
    const theirs = await openCaseFor(other, "Theirs", 30);
    const db = getDb();
    await db.case.updateMany({
      where: { id: { in: [newer.id, oldest.id, closed.id] } },
      data: { assigneeId: me.staff.id },
    });
    await db.case.update({ where: { id: closed.id }, data: { status: "CLOSED", closedAt: new Date() } });
    await db.case.update({ where: { id: theirs.id }, data: { assigneeId: other.staff.id } });

    const mine = await listMyOpenCases(me.staff.id);
    expect(mine.map((row) => row.subject)).toEqual(["Oldest", "Newer"]);
    expect(mine[0]?.customer.id).toBe(oldest.customer.id);
    const counts = await countWorkload(me.staff.id, "AGENT");
    expect(counts.myCases).toBe(2);
    // An agent neither approves nor sees an approvals count.
    expect(counts.approvals).toBeNull();
    expect(counts.reportsToTriage).not.toBeNull();
  });

  it("lists unassigned open cases oldest first and counts them", async () => {
    const me = await actingAs(await createStaff());
    const before = (await countWorkload(me.staff.id, "AGENT")).unassignedCases;
    const a = await openCaseFor(me, "Unassigned old", 40);
    await openCaseFor(me, "Unassigned new", 0);
    await getDb().case.updateMany({ where: { id: a.id }, data: { assigneeId: null } });
    const after = await countWorkload((await createStaff()).id, "AGENT");
    expect(after.unassignedCases).toBeGreaterThanOrEqual(before + 1);
    const list = await listUnassignedCases(100);
    expect(list.every((row) => row.status !== "CLOSED")).toBe(true);
    const times = list.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(list.map((row) => row.subject)).toContain("Unassigned old");
  });

  it("counts the resets and contact restores a supervisor may decide, never their own requests", async () => {
    const supervisor = await createStaff({ role: "SUPERVISOR" });
    const agent = await createStaff();
    const customer = await createCustomer();
    const base = await countWorkload(supervisor.id, "SUPERVISOR");
    const db = getDb();
    const pending = {
      customerId: customer.id,
      status: "PENDING_APPROVAL" as const,
      reason: "Caller verified",
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    await db.factorReset.create({
      data: { ...pending, requestedById: agent.id, verificationMethod: "CALLBACK_NUMBER_ON_FILE" },
    });
    await db.factorReset.create({
      data: { ...pending, requestedById: supervisor.id, verificationMethod: "CALLBACK_NUMBER_ON_FILE" },
    });
    // Lapsed: not waiting any more.
    await db.factorReset.create({
      data: {
        ...pending,
        requestedById: agent.id,
        verificationMethod: "CALLBACK_NUMBER_ON_FILE",
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    await db.contactRestore.create({
      data: { ...pending, requestedById: agent.id, field: "EMAIL", restoreValue: "old@example.com" },
    });
    const counts = await countWorkload(supervisor.id, "SUPERVISOR");
    expect(counts.approvals).toBe((base.approvals ?? 0) + 2);
    // The agent who asked sees no count: approving is not theirs to do.
    expect((await countWorkload(agent.id, "AGENT")).approvals).toBeNull();
  });

  it("puts new reports with money lost first, then the longest waiting; triaged ones are not listed", async () => {
    const old = await createScamReportRow({ createdAt: new Date(Date.now() - 5 * 86_400_000) });
    const loss = await createScamReportRow({ moneyLostCents: 125_000, currency: "GBP" });
    const triaged = await createScamReportRow({ status: "TRIAGED", moneyLostCents: 999_999 });
    const list = await listReportsToTriage(100);
    const references = list.map((row) => row.reference);
    expect(references[0]).toBe(loss.reference);
    expect(references.indexOf(old.reference)).toBeGreaterThan(0);
    expect(references).not.toContain(triaged.reference);
  });
});

describe("console search", () => {
  it("classifies case numbers, report references and refuses hostile text", () => {
    expect(classifyConsoleQuery("C-1042")).toEqual({ kind: "case", number: 1042 });
    expect(classifyConsoleQuery(" c 7 ")).toEqual({ kind: "case", number: 7 });
    expect(classifyConsoleQuery("1042")).toEqual({ kind: "text", text: "1042", caseNumber: 1042 });
    expect(classifyConsoleQuery("sr 4kx9 2m7q")).toEqual({ kind: "report", reference: "SR-4KX9-2M7Q" });
    expect(classifyConsoleQuery("   ")).toEqual({ kind: "empty" });
    expect(classifyConsoleQuery("C-99999999999")).toMatchObject({ kind: "invalid" });
    expect(classifyConsoleQuery("a\u0000b")).toMatchObject({ kind: "invalid" });
    expect(classifyConsoleQuery("x".repeat(201))).toMatchObject({ kind: "invalid" });
    expect(classifyConsoleQuery("Olivia")).toEqual({ kind: "text", text: "Olivia", caseNumber: null });
  });

  it("finds a case by number without running (or auditing) a customer search", async () => {
    const agent = await actingAs(await createStaff());
    const opened = await openCaseFor(agent, "Found by number", 2);
    const before = await lastSeq();
    for (const q of [`C-${opened.number}`, String(opened.number)]) {
      const result = await searchConsole(agent, q);
      expect(result.cases.map((found) => found.id)).toEqual([opened.id]);
      expect(result.customers).toEqual([]);
    }
    const searched = await getDb().auditEvent.count({
      where: { seq: { gt: before }, action: "customer.searched" },
    });
    expect(searched).toBe(0);
    expect((await searchConsole(agent, "C-2000000000")).cases).toEqual([]);
  });

  it("finds customers through the audited customer search, and staff by name", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const before = await lastSeq();
    const byEmail = await searchConsole(agent, customer.email);
    expect(byEmail.customers.map((found) => found.id)).toEqual([customer.id]);
    const audit = await getDb().auditEvent.findMany({
      where: { seq: { gt: before }, action: "customer.searched" },
      select: { actorId: true, data: true },
    });
    expect(audit).toEqual([
      { actorId: agent.staff.id, data: expect.objectContaining({ kind: "email", results: 1 }) },
    ]);

    const colleague = await createStaff({ role: "SUPERVISOR" });
    await getDb().staffUser.update({ where: { id: colleague.id }, data: { name: "Priyanka Zelinski" } });
    const byName = await searchConsole(agent, "zelinski");
    expect(byName.staff).toEqual([
      expect.objectContaining({
        id: colleague.id,
        name: "Priyanka Zelinski",
        role: "SUPERVISOR",
        active: true,
      }),
    ]);
  });

  it("finds scam reports by reference and by the caller's number in any format", async () => {
    const agent = await actingAs(await createStaff());
    const report = await createScamReportRow({
      contactNumberE164: "+442079460123",
      contactRaw: "020 7946 0123",
    });
    const byReference = await searchConsole(agent, report.reference.toLowerCase().replace(/-/g, " "));
    expect(byReference.query.kind).toBe("report");
    expect(byReference.reports.map((found) => found.id)).toEqual([report.id]);
    const byNumber = await searchConsole(agent, "+44 20 7946 0123");
    expect(byNumber.reports.map((found) => found.id)).toContain(report.id);
    expect((await searchConsole(agent, "SR-0000-0000")).reports).toEqual([]);
  });

  it("answers invalid text with a message and runs nothing", async () => {
    const agent = await actingAs(await createStaff());
    const before = await lastSeq();
    const result = await searchConsole(agent, "x".repeat(300));
    expect(result.query.kind).toBe("invalid");
    expect(result.customers).toEqual([]);
    expect(await lastSeq()).toBe(before);
  });
});
