import "server-only";
import { getDb } from "@/lib/db/client";

export async function listNotifications(take = 100) {
  return getDb().notification.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      channel: true,
      destination: true,
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
}
