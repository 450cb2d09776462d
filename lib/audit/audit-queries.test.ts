// The readable audit log: names instead of ids, the action catalogue, details as fields, and the
// customer filter that finds every event about a customer, against a real hash-chained log.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { openCase } from "@/lib/cases/cases";
import { searchCustomers } from "@/lib/customers/customer-search";
import { createCustomer } from "@/test/factories/customers";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { recordAuditEvent } from "./audit-log";
import { auditDetailFields, nameAuditRows } from "./audit-names";
import { auditFiltersSchema, iterateAuditEvents, listAuditActions, listAuditEvents } from "./audit-queries";
import { verifyAuditChain } from "./verify-chain";

async function externalIdOf(customerId: string): Promise<string> {
  const row = await getDb().customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { externalId: true },
  });
  return row.externalId;
}

describe("the readable audit log", () => {
  it("names actors and targets, and links the ones with a page", async () => {
    const agent = await actingAs(await createStaff());
    await getDb().staffUser.update({ where: { id: agent.staff.id }, data: { name: "Morgan Quill" } });
    const customer = await createCustomer();
    const opened = await openCase(agent, { customerId: customer.id, type: "SCAM_CALL", subject: "Named" });
    if (!opened.ok) throw new Error(opened.message);
    const report = await createScamReportRow();
    await recordAuditEvent({
      actor: agent.actor,
      action: "scam_report.viewed",
      target: { type: "scam_report", id: report.id },
    });
    await recordAuditEvent({
      actor: agent.actor,
      action: "customer.viewed",
      target: { type: "customer", id: customer.id },
    });
    const { rows } = await listAuditEvents(auditFiltersSchema.parse({ actor: agent.staff.id }));
    const named = await nameAuditRows(rows);
    const byAction = new Map(named.map((row) => [row.action, row]));
    expect(byAction.get("customer.viewed")).toMatchObject({
      actor: { label: "Morgan Quill", kind: "staff" },
      target: {
        label: (await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).fullName,
        href: `/console/customers/${customer.id}`,
      },
    });
    expect(byAction.get("case.opened")?.target).toMatchObject({
      label: `C-${opened.data.number}`,
      href: `/console/cases/${opened.data.id}`,
    });
    expect(byAction.get("scam_report.viewed")?.target).toMatchObject({
      label: report.reference,
      kind: "scam report",
      href: `/console/scam-reports/${report.reference}`,
    });
  });

  it("falls back to the stored label or id when the record is gone or the id is not a UUID", async () => {
    const named = await nameAuditRows([
      {
        seq: 1n,
        occurredAt: new Date(),
        actorType: "STAFF",
        actorId: "00000000-0000-0000-0000-000000000001",
        actorLabel: "gone@desk.example",
        action: "staff.invited",
        targetType: "staff-invite",
        targetId: "new@desk.example",
        reason: null,
        ip: null,
        data: {},
      },
    ]);
    expect(named[0]?.actor.label).toBe("gone@desk.example");
    expect(named[0]?.target).toMatchObject({ label: "new@desk.example", kind: "staff invite", href: null });
  });

  it("lists every action the log holds, once each, alphabetically", async () => {
    const agent = await actingAs(await createStaff());
    for (const action of ["zz.test.b", "zz.test.a", "zz.test.b"])
      await recordAuditEvent({ actor: agent.actor, action });
    const actions = await listAuditActions();
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions.filter((action) => action.startsWith("zz."))).toEqual(["zz.test.a", "zz.test.b"]);
  });

  it("filters by customer (desk id or cus_ id): events aimed at them, naming them, and searches that found them", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const other = await createCustomer();
    const opened = await openCase(agent, {
      customerId: customer.id,
      type: "SCAM_CALL",
      subject: "About them",
    });
    if (!opened.ok) throw new Error(opened.message);
    await searchCustomers(agent, { q: customer.email });
    await recordAuditEvent({
      actor: agent.actor,
      action: "customer.viewed",
      target: { type: "customer", id: customer.id },
    });
    await recordAuditEvent({
      actor: agent.actor,
      action: "customer.viewed",
      target: { type: "customer", id: other.id },
    });

    for (const ref of [customer.id, await externalIdOf(customer.id)]) {
      const { rows } = await listAuditEvents(auditFiltersSchema.parse({ customer: ref }));
      expect(rows.map((row) => row.action).sort()).toEqual([
        "case.opened",
        "customer.searched",
        "customer.viewed",
      ]);
    }
    // The export reads the same filter.
    const exported: string[] = [];
    for await (const page of iterateAuditEvents(auditFiltersSchema.parse({ customer: customer.id })))
      exported.push(...page.map((row) => row.action));
    expect(exported.sort()).toEqual(["case.opened", "customer.searched", "customer.viewed"]);
    // A customer the desk does not have finds nothing (not everything).
    expect((await listAuditEvents(auditFiltersSchema.parse({ customer: "cus_doesnotexist" }))).rows).toEqual(
      [],
    );
    expect(
      (await listAuditEvents(auditFiltersSchema.parse({ customer: "00000000-0000-4000-8000-000000000000" })))
        .rows,
    ).toEqual([]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("refuses a customer filter that is not an id", () => {
    for (const customer of ["Olivia", "cus_'; DROP TABLE", "x".repeat(101)]) {
      const parsed = auditFiltersSchema.safeParse({ customer });
      expect(parsed.success).toBe(false);
    }
  });

  it("renders details as fields", () => {
    expect(
      auditDetailFields({
        customerIds: ["a", "b"],
        results: 2,
        kind: "email",
        nested: { x: 1 },
        none: [],
        gone: null,
      }),
    ).toEqual([
      { label: "customer ids", value: "a, b" },
      { label: "results", value: "2" },
      { label: "kind", value: "email" },
      { label: "nested", value: '{"x":1}' },
      { label: "none", value: "none" },
      { label: "gone", value: "—" },
    ]);
    expect(auditDetailFields({})).toEqual([]);
    expect(auditDetailFields(null)).toEqual([]);
  });
});
