import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { CALLER_VERIFICATION_TEMPLATE } from "./outbox";

const VERIFY_LINK = /\/verify\/[A-Za-z0-9_-]+/g;

/**
 * A confirmation link answers "is it you on the phone?" for the customer: whoever reads it can say
 * yes. Staff reading the outbox must not be able to, so its secret is hidden, except in development
 * and the demo, where the outbox stands in for the customer's phone.
 */
function showsVerificationLinks(): boolean {
  const { NODE_ENV, DESK_DEMO } = env();
  return NODE_ENV !== "production" || DESK_DEMO === "1";
}

export async function listNotifications(take = 100) {
  const rows = await getDb().notification.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      channel: true,
      destination: true,
      template: true,
      subject: true,
      body: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
      customer: { select: { id: true, fullName: true } },
    },
  });
  if (showsVerificationLinks()) return rows;
  return rows.map((row) =>
    row.template === CALLER_VERIFICATION_TEMPLATE
      ? { ...row, body: row.body.replace(VERIFY_LINK, "/verify/[hidden: only the customer may open it]") }
      : row,
  );
}
