// Loads what contact-trust.ts judges: the customer's email and phone and their changes in the risk
// window, with when the changing device was first seen. Takes a transaction so that an action
// decides its recipients from the same snapshot it changes.
import "server-only";
import { getDb } from "@/lib/db/client";
import { openContact } from "./contact-values";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assessContactTrust, type ContactChangeFact, type ContactTrust } from "./contact-trust";
import { riskWindowDays } from "./risk-data";

type ChangeRow = {
  id: bigint;
  kind: "EMAIL_CHANGED" | "PHONE_CHANGED";
  occurred_at: Date;
  previous_value: string | null;
  new_value: string | null;
  ip: string | null;
  device_id: string | null;
  by_desk: boolean;
  device_first_seen_at: Date | null;
};

/**
 * Null for an unknown customer. `contacts` is the customer's current email and phone when the
 * caller has just read them outside a transaction (the customer page): one query fewer per view.
 */
export async function loadContactTrust(
  customerId: string,
  {
    tx,
    now = new Date(),
    contacts,
  }: {
    tx?: Prisma.TransactionClient;
    now?: Date;
    contacts?: { email: string; phoneE164: string | null };
  } = {},
): Promise<ContactTrust | null> {
  const client = tx ?? getDb();
  const windowDays = riskWindowDays();
  const windowStart = new Date(now.getTime() - windowDays * 86_400_000);
  const [customer, rows] = await Promise.all([
    contacts ??
      client.customer.findUnique({ where: { id: customerId }, select: { email: true, phoneE164: true } }),
    client.$queryRaw<ChangeRow[]>`
      SELECT c.id, c.kind::text AS kind, c.occurred_at, c.previous_value, c.new_value, c.ip, c.device_id,
             c.by_desk, seen.first_at AS device_first_seen_at
      FROM account_changes c
      LEFT JOIN LATERAL (
        SELECT min(a.occurred_at) AS first_at FROM login_attempts a
        WHERE a.customer_id = c.customer_id AND a.device_id = c.device_id AND a.outcome = 'SUCCESS'
      ) seen ON c.device_id IS NOT NULL
      WHERE c.customer_id = ${customerId}::uuid AND c.kind IN ('EMAIL_CHANGED', 'PHONE_CHANGED')
        AND c.occurred_at >= ${windowStart}
      ORDER BY c.occurred_at, c.id`,
  ]);
  if (!customer) return null;
  const changes: ContactChangeFact[] = rows.map((row) => ({
    id: row.id.toString(),
    field: row.kind === "EMAIL_CHANGED" ? "email" : "phone",
    occurredAt: row.occurred_at,
    previousValue: openContact(row.previous_value),
    newValue: openContact(row.new_value),
    ip: row.ip,
    deviceId: row.device_id,
    deviceFirstSeenAt: row.device_first_seen_at,
    byDesk: row.by_desk,
  }));
  return assessContactTrust({ email: customer.email, phone: customer.phoneE164, changes, windowDays });
}
