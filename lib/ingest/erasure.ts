// The personal parts of a customer's sign-in and code events, removed when the identity system
// erases the customer (lib/customers/directory.ts). The events stay, pseudonymous: their time,
// outcome, purpose, channel and device id still count in the desk's history and figures.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** `0.0.0.0` (the unspecified address) stands for an erased address: the column is never empty. */
export const ERASED_IP = "0.0.0.0";

export async function erasePersonalEventData(
  tx: Prisma.TransactionClient,
  customerId: string,
): Promise<void> {
  await tx.loginAttempt.updateMany({
    where: { customerId },
    data: { identifier: null, ip: ERASED_IP, city: null, latitude: null, longitude: null, userAgent: null },
  });
  await tx.otpDelivery.updateMany({
    where: { customerId },
    data: { destinationMasked: "•••", requestIp: null, requestUserAgent: null },
  });
}
