// Who hears about a security action, for each pattern of contact changes, with real rows in
// PostgreSQL: the reset's notifications are written from exactly this.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer, type TestCustomer } from "@/test/factories/customers";
import { noticeRecipients } from "./contact-trust";
import { loadContactTrust } from "./contact-trust-data";

const DAY = 86_400_000;
const ATTACKER_PHONE = "+447700900666";
/** Emails are unique across customers, so each test gets its own attacker address. */
const attackerEmail = (customer: TestCustomer) => `attacker-${customer.id.slice(0, 8)}@example.net`;

/** Records a change the way the directory does and puts the new value on file. */
async function change(
  customer: TestCustomer,
  field: "email" | "phone",
  from: string,
  to: string,
  daysAgo: number,
  byDesk = false,
) {
  const db = getDb();
  await db.accountChange.create({
    data: {
      customerId: customer.id,
      kind: field === "email" ? "EMAIL_CHANGED" : "PHONE_CHANGED",
      occurredAt: new Date(Date.now() - daysAgo * DAY),
      previousValue: from,
      newValue: to,
      deviceId: "attacker-device",
      byDesk,
    },
  });
  await db.customer.update({
    where: { id: customer.id },
    data: field === "email" ? { email: to, emailNormalized: to.toLowerCase() } : { phoneE164: to },
  });
}

async function recipientsOf(customer: TestCustomer) {
  const trust = await loadContactTrust(customer.id);
  if (!trust) throw new Error("customer missing");
  return { trust, recipients: noticeRecipients(trust) };
}

describe("contact trust and notice recipients", () => {
  it("no change: the contacts on file, both trusted", async () => {
    const customer = await createCustomer();
    const { trust, recipients } = await recipientsOf(customer);
    expect(trust.phone.untrusted).toBe(false);
    expect(trust.email.untrusted).toBe(false);
    expect(recipients).toEqual({ emails: [customer.email], phones: [customer.phone] });
  });

  it("phone changed: the new number is untrusted, the old one is offered and still told", async () => {
    const customer = await createCustomer();
    await change(customer, "phone", customer.phone, ATTACKER_PHONE, 1);
    const { trust, recipients } = await recipientsOf(customer);
    expect(trust.phone).toMatchObject({ untrusted: true, previous: customer.phone, current: ATTACKER_PHONE });
    expect(trust.phone.lastChange?.deviceFirstSeenAt).toBeNull();
    expect(recipients.phones.toSorted()).toEqual([ATTACKER_PHONE, customer.phone].toSorted());
    expect(recipients.emails).toEqual([customer.email]);
  });

  it("email changed: the replaced address is told as well as the new one", async () => {
    const customer = await createCustomer();
    await change(customer, "email", customer.email, attackerEmail(customer), 2);
    const { trust, recipients } = await recipientsOf(customer);
    expect(trust.email).toMatchObject({ untrusted: true, previous: customer.email });
    expect(trust.phone.untrusted).toBe(false);
    expect(recipients.emails.toSorted()).toEqual([attackerEmail(customer), customer.email].toSorted());
    expect(recipients.phones).toEqual([customer.phone]);
  });

  it("both changed: every old and new contact is told", async () => {
    const customer = await createCustomer();
    await change(customer, "phone", customer.phone, ATTACKER_PHONE, 1);
    await change(customer, "email", customer.email, attackerEmail(customer), 1);
    const { trust, recipients } = await recipientsOf(customer);
    expect([trust.phone.untrusted, trust.email.untrusted]).toEqual([true, true]);
    expect(recipients.phones).toHaveLength(2);
    expect(recipients.emails).toHaveLength(2);
  });

  it("changed then changed back by the customer: trusted again, and both numbers are told", async () => {
    const customer = await createCustomer();
    await change(customer, "phone", customer.phone, ATTACKER_PHONE, 3);
    await change(customer, "phone", ATTACKER_PHONE, customer.phone, 2);
    const { trust, recipients } = await recipientsOf(customer);
    expect(trust.phone).toMatchObject({ untrusted: false, previous: null, current: customer.phone });
    expect(recipients.phones.toSorted()).toEqual([ATTACKER_PHONE, customer.phone].toSorted());
  });

  it("restored by support: the number support removed is not told any more", async () => {
    const customer = await createCustomer();
    await change(customer, "phone", customer.phone, ATTACKER_PHONE, 3);
    await change(customer, "phone", ATTACKER_PHONE, customer.phone, 0, true);
    const { trust, recipients } = await recipientsOf(customer);
    expect(trust.phone.untrusted).toBe(false);
    expect(recipients.phones).toEqual([customer.phone]);
    // ...except when the notice is about that restore itself.
    expect(noticeRecipients(trust, { phone: ATTACKER_PHONE }).phones.toSorted()).toEqual(
      [ATTACKER_PHONE, customer.phone].toSorted(),
    );
  });

  it("changed outside the window: trusted, and only today's contacts are told", async () => {
    const customer = await createCustomer();
    await change(customer, "phone", "+447700900111", customer.phone, 45);
    const { trust, recipients } = await recipientsOf(customer);
    expect(trust.phone.untrusted).toBe(false);
    expect(trust.phone.changes).toHaveLength(0);
    expect(recipients).toEqual({ emails: [customer.email], phones: [customer.phone] });
  });

  it("an email differing only in case is one recipient", async () => {
    const customer = await createCustomer();
    await change(customer, "email", customer.email, customer.email.toUpperCase(), 1);
    const { recipients } = await recipientsOf(customer);
    expect(recipients.emails).toHaveLength(1);
  });
});
