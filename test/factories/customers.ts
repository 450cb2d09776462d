// Customers with factors, sessions and (optionally) risk, for tests of the console's services.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { sealContact } from "@/lib/customers/contact-values";

export type TestCustomer = {
  id: string;
  email: string;
  phone: string;
  factorIds: string[];
  sessionIds: string[];
};

export async function createCustomer(options: { risky?: boolean } = {}): Promise<TestCustomer> {
  const db = getDb();
  const tag = randomBytes(4).toString("hex");
  const email = `customer-${tag}@example.com`;
  const phone = `+4477009${String(parseInt(tag, 16) % 100000).padStart(5, "0")}`;
  const customer = await db.customer.create({
    data: {
      externalId: `cus_${tag}`,
      fullName: `Test Customer ${tag}`,
      nameKey: `test customer ${tag}`,
      email,
      emailNormalized: email,
      phoneE164: phone,
      country: "GB",
      factors: {
        create: [
          { type: "SMS", label: "Mobile", destination: phone },
          { type: "AUTHENTICATOR_APP", label: "Authenticator" },
        ],
      },
      sessions: {
        create: [
          { deviceId: "d1", deviceLabel: "iPhone · Safari", ip: "192.0.2.10" },
          { deviceId: "d2", deviceLabel: "Mac · Chrome", ip: "192.0.2.11" },
        ],
      },
    },
    select: { id: true, factors: { select: { id: true } }, sessions: { select: { id: true } } },
  });
  if (options.risky) {
    await db.scamReport.create({
      data: {
        reference: `SR-${tag.toUpperCase()}`,
        source: "STAFF",
        channel: "CALL",
        contactedAt: new Date(Date.now() - 3_600_000),
        story: "Caller said he was from the fraud team and asked for the code.",
        asks: ["ONE_TIME_CODE"],
        customerId: customer.id,
      },
    });
  }
  return {
    id: customer.id,
    email,
    phone,
    factorIds: customer.factors.map((factor) => factor.id),
    sessionIds: customer.sessions.map((session) => session.id),
  };
}

/** A takeover's first move: the phone replaced an hour ago from a device never seen before. */
export async function replacePhone(customer: TestCustomer, newPhone: string): Promise<void> {
  const db = getDb();
  await db.accountChange.create({
    data: {
      customerId: customer.id,
      kind: "PHONE_CHANGED",
      occurredAt: new Date(Date.now() - 3_600_000),
      previousValue: sealContact(customer.phone),
      newValue: sealContact(newPhone),
      deviceId: "attacker-device",
    },
  });
  await db.customer.update({ where: { id: customer.id }, data: { phoneE164: newPhone } });
}
