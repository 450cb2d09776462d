// Finding 4 of the security review: masked data stays masked on every page, and every page about a
// customer is an audited view.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { getLoginAttemptDetail } from "./activity";
import { revealCustomerField, viewCustomerSubPage } from "./customer-overview";

async function attemptOf(customerId: string, identifier: string): Promise<string> {
  const row = await getDb().loginAttempt.create({
    data: {
      eventId: `evt_${Math.random().toString(36).slice(2)}`,
      customerId,
      occurredAt: new Date(),
      outcome: "WRONG_PASSWORD",
      ip: "192.0.2.1",
      identifier,
    },
    select: { id: true },
  });
  return row.id.toString();
}

describe("customer sub-pages", () => {
  it("shows what was typed at sign-in masked, like the profile, and never the value itself", async () => {
    const customer = await createCustomer();
    const id = await attemptOf(customer.id, customer.email);
    const detail = await getLoginAttemptDetail(customer.id, id);
    expect(detail?.attempt.identifierMasked).toMatch(/^c•+@example\.com$/);
    expect(JSON.stringify(detail)).not.toContain(customer.email);
  });

  it("reveals the typed login only after a reason, audited, and only for this customer's attempt", async () => {
    const agent = await actingAs(await createStaff());
    const [customer, other] = [await createCustomer(), await createCustomer()];
    const id = await attemptOf(customer.id, "07700 900123");
    const reason = "Caller confirmed, ticket 981";
    expect(
      await revealCustomerField(agent, { customerId: customer.id, field: "login", attemptId: id, reason }),
    ).toMatchObject({
      ok: true,
      data: { value: "07700 900123" },
    });
    expect(
      await revealCustomerField(agent, { customerId: other.id, field: "login", attemptId: id, reason }),
    ).toMatchObject({ ok: false });
    const audits = await getDb().auditEvent.findMany({
      where: { action: "customer.pii.revealed", actorId: agent.staff.id },
      select: { targetId: true, data: true },
    });
    expect(audits).toEqual([{ targetId: customer.id, data: { field: "login", attemptId: id } }]);
  });

  it("records a view for every sub-page, and none for an unknown customer", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    for (const page of ["attempts", "codes", "reset"] as const)
      expect(await viewCustomerSubPage(agent, customer.id, page)).toMatchObject({ id: customer.id });
    expect(await viewCustomerSubPage(agent, customer.id, "attempt", { attemptId: "12" })).not.toBeNull();
    expect(await viewCustomerSubPage(agent, "00000000-0000-4000-8000-000000000000", "codes")).toBeNull();
    expect(await viewCustomerSubPage(agent, "not-a-uuid", "codes")).toBeNull();
    const views = await getDb().auditEvent.findMany({
      where: { action: "customer.viewed", actorId: agent.staff.id },
      orderBy: { seq: "asc" },
      select: { data: true },
    });
    expect(views.map((view) => view.data)).toEqual([
      { page: "attempts" },
      { page: "codes" },
      { page: "reset" },
      { page: "attempt", attemptId: "12" },
    ]);
  });

  it("answers an attempt id beyond PostgreSQL's bigint with 'not found', not an error", async () => {
    const customer = await createCustomer();
    expect(await getLoginAttemptDetail(customer.id, "9999999999999999999")).toBeNull();
    expect(await getLoginAttemptDetail(customer.id, "9223372036854775807")).toBeNull();
  });
});
