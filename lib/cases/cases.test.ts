// One open compromised-account case per customer: a second is refused with the first's number.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { openCase } from "./cases";

describe("opening cases", () => {
  it("refuses a second open compromised-account case for the customer, naming the first", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const input = { customerId: customer.id, type: "COMPROMISED_ACCOUNT" as const, subject: "Takeover" };
    const first = await openCase(agent, input);
    if (!first.ok) throw new Error(first.message);
    const second = await openCase(agent, input);
    expect(second).toMatchObject({
      ok: false,
      message: expect.stringContaining(`C-${first.data.number}`),
      links: [{ label: `Open case C-${first.data.number}`, href: `/console/cases/${first.data.id}` }],
    });
    expect(await getDb().case.count({ where: { customerId: customer.id } })).toBe(1);
    // Other kinds of case are not limited.
    expect(await openCase(agent, { ...input, type: "SCAM_CALL" })).toMatchObject({ ok: true });
  });

  it("two agents opening one at once get one case", async () => {
    const [a, b] = await Promise.all([actingAs(await createStaff()), actingAs(await createStaff())]);
    const customer = await createCustomer();
    const input = { customerId: customer.id, type: "COMPROMISED_ACCOUNT" as const, subject: "Takeover" };
    const results = await Promise.all([openCase(a, input), openCase(b, input)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await getDb().case.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("allows a new one once the first is closed", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const input = { customerId: customer.id, type: "COMPROMISED_ACCOUNT" as const, subject: "Takeover" };
    const first = await openCase(agent, input);
    if (!first.ok) throw new Error(first.message);
    await getDb().case.update({
      where: { id: first.data.id },
      data: { status: "CLOSED", closedAt: new Date() },
    });
    expect(await openCase(agent, input)).toMatchObject({ ok: true });
  });
});
