// Searching for a customer and opening their page both read and leave an audit event: the read and
// the audit append run as separate statements (the overview's in parallel), so these tests pin down
// what the page shows and that every lookup is in the hash chain.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { getCustomerOverview, getCustomerPage } from "./customer-overview";
import { assessCustomer } from "./verdict-data";
import { searchCustomers } from "./customer-search";

const IP = "203.0.113.9";

async function auditRowsSince(seq: bigint) {
  return getDb().auditEvent.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" } });
}

async function lastSeq(): Promise<bigint> {
  return (await getDb().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n;
}

describe("customer search", () => {
  it("finds by email and records who searched, the kind and the results, never the query", async () => {
    const staff = await actingAs(await createStaff({ role: "AGENT" }), { ip: IP });
    const customer = await createCustomer();
    const before = await lastSeq();

    const result = await searchCustomers(staff, { q: customer.email, reason: "caller on the line" });
    expect(result).toMatchObject({ ok: true, kind: "email" });
    if (!result.ok) return;
    expect(result.customers.map((row) => row.id)).toEqual([customer.id]);
    expect(result.customers[0]?.emailMasked).not.toBe(customer.email);

    const audit = await auditRowsSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "STAFF",
      actorId: staff.staff.id,
      action: "customer.searched",
      reason: "caller on the line",
      ip: IP,
      data: { kind: "email", results: 1, customerIds: [customer.id] },
    });
    expect(JSON.stringify({ ...audit[0], seq: undefined })).not.toContain(customer.email);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("records a search that found nobody, and writes nothing for a query it refuses", async () => {
    const staff = await actingAs(await createStaff({ role: "AGENT" }), { ip: IP });
    const before = await lastSeq();
    const result = await searchCustomers(staff, { q: "nobody-here@example.com" });
    expect(result).toMatchObject({ ok: true, customers: [] });
    expect(await auditRowsSince(before)).toMatchObject([
      { action: "customer.searched", data: { kind: "email", results: 0, customerIds: [] } },
    ]);

    const afterEmpty = await lastSeq();
    expect(await searchCustomers(staff, { q: "a" })).toMatchObject({ ok: false });
    expect(await auditRowsSince(afterEmpty)).toHaveLength(0);
  });
});

describe("customer overview", () => {
  it("shows active factors, live sessions, open cases and scam reports, and records the view", async () => {
    const db = getDb();
    const staff = await actingAs(await createStaff({ role: "AGENT" }), { ip: IP });
    const customer = await createCustomer({ risky: true });
    const other = await createCustomer();
    // What the page must leave out: a removed factor, a revoked and a long-idle session, a closed case.
    await db.secondFactor.update({ where: { id: customer.factorIds[1] }, data: { removedAt: new Date() } });
    await db.customerSession.update({
      where: { id: customer.sessionIds[0] },
      data: { revokedAt: new Date() },
    });
    await db.customerSession.create({
      data: { customerId: customer.id, deviceId: "old", lastSeenAt: new Date(Date.now() - 90 * 86_400_000) },
    });
    const open = await db.case.create({
      data: { customerId: customer.id, type: "COMPROMISED_ACCOUNT", subject: "Suspicious sign-ins" },
      select: { id: true },
    });
    await db.case.create({
      data: { customerId: customer.id, type: "COMPROMISED_ACCOUNT", subject: "Old one", status: "CLOSED" },
    });
    await createScamReportRow({ customerId: other.id });
    const before = await lastSeq();

    const overview = await getCustomerOverview(staff, customer.id);
    expect(overview).not.toBeNull();
    if (!overview) return;
    expect(overview.id).toBe(customer.id);
    expect(overview.emailMasked).not.toBe(customer.email);
    expect(overview.factors.map((factor) => factor.id)).toEqual([customer.factorIds[0]]);
    expect(overview.factors[0]?.destinationMasked).not.toBe(customer.phone);
    expect(overview.sessions.map((session) => session.id)).toEqual([customer.sessionIds[1]]);
    expect(overview.openCases.map((item) => item.id)).toEqual([open.id]);
    expect(overview.scamReports).toHaveLength(1);

    const audit = await auditRowsSince(before);
    expect(audit).toMatchObject([
      {
        actorId: staff.staff.id,
        action: "customer.viewed",
        targetType: "customer",
        targetId: customer.id,
        ip: IP,
      },
    ]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("returns null for an unknown customer and records no view", async () => {
    const staff = await actingAs(await createStaff({ role: "AGENT" }), { ip: IP });
    const before = await lastSeq();
    expect(await getCustomerOverview(staff, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await auditRowsSince(before)).toHaveLength(0);
  });

  it("gives the customer page the same overview and verdict as the separate loaders, audited once", async () => {
    const staff = await actingAs(await createStaff({ role: "AGENT" }), { ip: IP });
    const customer = await createCustomer();
    await createScamReportRow({ customerId: customer.id });
    const now = new Date();
    const before = await lastSeq();

    const page = await getCustomerPage(staff, customer.id, now);
    expect(page).not.toBeNull();
    if (!page) return;
    const viewed = await auditRowsSince(before);
    expect(viewed.map((row) => [row.action, row.targetId])).toEqual([["customer.viewed", customer.id]]);

    // The page passes the row it read instead of re-reading it: the outcome must not differ.
    expect(page.assessment).toEqual(await assessCustomer(customer.id, now));
    expect(page.overview).toEqual(await getCustomerOverview(staff, customer.id));
    expect(await getCustomerPage(staff, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("records one view per look, all in one chain, when agents open pages at once", async () => {
    const staff = await actingAs(await createStaff({ role: "AGENT" }), { ip: IP });
    const customers = await Promise.all(Array.from({ length: 4 }, () => createCustomer()));
    const before = await lastSeq();
    await Promise.all(
      customers.flatMap((customer) => [
        getCustomerOverview(staff, customer.id),
        searchCustomers(staff, { q: customer.email }),
      ]),
    );
    const audit = await auditRowsSince(before);
    expect(
      audit
        .filter((row) => row.action === "customer.viewed")
        .map((row) => row.targetId)
        .sort(),
    ).toEqual(customers.map((c) => c.id).sort());
    expect(audit.filter((row) => row.action === "customer.searched")).toHaveLength(4);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe("customer search by name", () => {
  it("pages through every customer with the prefix in name order, the exact name first", async () => {
    const staff = await actingAs(await createStaff({ role: "AGENT" }), { ip: IP });
    const tag = randomBytes(3).toString("hex").replace(/\d/g, "q");
    const prefix = `zz${tag}`;
    // 60 customers: 30 share the exact key "<prefix>" (so the first page ends inside them and the
    // next must go on by id), others extend it, with a space or a letter (space sorts first), and
    // one only nearly matches.
    const keys = [
      ...Array.from({ length: 30 }, () => prefix),
      ...Array.from({ length: 15 }, (_, index) => `${prefix} ${String.fromCharCode(97 + index)}${index}`),
      ...Array.from({ length: 15 }, (_, index) => `${prefix}${String.fromCharCode(97 + index)}x${index}`),
    ];
    await getDb().customer.createMany({
      data: keys.map((nameKey, index) => ({
        externalId: `cus_${tag}_${index}`,
        fullName: nameKey,
        nameKey,
        email: `${tag}-${index}@example.com`,
        emailNormalized: `${tag}-${index}@example.com`,
      })),
    });
    await getDb().customer.create({
      data: {
        externalId: `cus_${tag}_near`,
        fullName: "near",
        nameKey: `zz${tag.slice(0, -1)}`,
        email: `${tag}-near@example.com`,
        emailNormalized: `${tag}-near@example.com`,
      },
    });
    const expected = await getDb().customer.findMany({
      where: { nameKey: { startsWith: prefix } },
      select: { id: true, nameKey: true },
    });
    const byteOrder = (a: { nameKey: string; id: string }, b: { nameKey: string; id: string }) =>
      Buffer.compare(Buffer.from(a.nameKey), Buffer.from(b.nameKey)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expected.sort(byteOrder);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const result = await searchCustomers(staff, { q: prefix, after });
      if (!result.ok) throw new Error(result.message);
      expect(result.kind).toBe("name");
      seen.push(...result.customers.map((row) => row.id));
      after = result.nextAfter ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected.map((row) => row.id));
    expect(expected.slice(0, 30).every((row) => row.nameKey === prefix)).toBe(true);
  });
});
