// loadRiskInput against real rows: which attempts count, and how the addresses shared with other
// accounts are found (in the same statement as the customer's own recent addresses).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createCustomerRow } from "@/test/factories/api-keys";
import { MAX_SHARED_IPS, loadRiskInput } from "./risk-data";

const now = new Date("2026-11-27T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function attempt(
  data: Partial<Prisma.LoginAttemptCreateManyInput> & { ip: string; occurredAt: Date },
): Prisma.LoginAttemptCreateManyInput {
  return { eventId: `evt_${randomBytes(8).toString("hex")}`, outcome: "WRONG_PASSWORD", ...data };
}

describe("loadRiskInput", () => {
  it("is null for an unknown customer", async () => {
    expect(await loadRiskInput("00000000-0000-4000-8000-000000000000", now)).toBeNull();
  });

  it("counts the accounts each recent address of the customer tried, within the window only", async () => {
    const db = getDb();
    const customer = await createCustomerRow();
    const others = await Promise.all([createCustomerRow(), createCustomerRow(), createCustomerRow()]);
    const stuffing = "198.51.100.66";
    const family = "192.0.2.44";
    const old = "203.0.113.200";
    await db.loginAttempt.createMany({
      data: [
        attempt({ customerId: customer.id, ip: stuffing, occurredAt: daysAgo(2) }),
        ...others.map((other, index) =>
          attempt({ customerId: other.id, ip: stuffing, occurredAt: daysAgo(1 + index) }),
        ),
        // Unknown accounts count by the identifier typed, the same identifier once.
        attempt({ identifier: "ghost@example.com", ip: stuffing, occurredAt: daysAgo(3) }),
        attempt({ identifier: "ghost@example.com", ip: stuffing, occurredAt: daysAgo(4) }),
        // Before the window: neither the customer's address nor the other account it tried counts.
        attempt({ identifier: "older@example.com", ip: stuffing, occurredAt: daysAgo(45) }),
        attempt({ customerId: customer.id, ip: old, occurredAt: daysAgo(40) }),
        attempt({ customerId: others[0]?.id, ip: old, occurredAt: daysAgo(5) }),
        // A household: the customer and one other account.
        attempt({ customerId: customer.id, ip: family, occurredAt: daysAgo(6), outcome: "SUCCESS" }),
        attempt({ customerId: others[1]?.id, ip: family, occurredAt: daysAgo(7) }),
      ],
    });

    const input = await loadRiskInput(customer.id, now);
    expect(input?.attempts.map((row) => row.ip)).toEqual([stuffing, family]);
    const shared = Object.fromEntries((input?.sharedIps ?? []).map((row) => [row.ip, row.accounts]));
    expect(shared).toEqual({ [stuffing]: 5, [family]: 2 });
    expect(input?.sharedIps.find((row) => row.ip === stuffing)?.at).toEqual(daysAgo(1));
  });

  it(`looks at the ${MAX_SHARED_IPS} addresses the customer used most recently`, async () => {
    const customer = await createCustomerRow();
    const addresses = Array.from(
      { length: MAX_SHARED_IPS + 5 },
      (_, index) => `10.0.${Math.floor(index / 200)}.${index % 200}`,
    );
    // Address i was last used i hours ago (and once more, earlier, which must not change its rank).
    await getDb().loginAttempt.createMany({
      data: addresses.flatMap((ip, index) => [
        attempt({
          customerId: customer.id,
          ip,
          occurredAt: new Date(now.getTime() - (index + 1) * 3_600_000),
        }),
        attempt({ customerId: customer.id, ip, occurredAt: daysAgo(20) }),
      ]),
    });
    const input = await loadRiskInput(customer.id, now);
    expect(input?.sharedIps.map((row) => row.ip).sort()).toEqual(addresses.slice(0, MAX_SHARED_IPS).sort());
    expect(input?.sharedIps.every((row) => row.accounts === 1)).toBe(true);
  });
});
