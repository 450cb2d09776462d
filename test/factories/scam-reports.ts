// Scam-report form input and rows for tests.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateReference } from "@/lib/scam-reports/reference";

/** "2026-11-27T14:30" as a wall clock in `timeZone`: what a datetime-local input sends. */
export function wallClock(date: Date, timeZone = "Europe/London"): string {
  return format(new TZDate(date, timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** A complete, valid public form submission (without the spam fields). */
export function reportFormFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: "CALL",
    contact: "020 7946 0123",
    claimedOrganisation: "Account security team",
    claimedRole: "Fraud advisor",
    claimedName: "Daniel",
    contactedAt: wallClock(new Date(Date.now() - 2 * 86_400_000)),
    timeZone: "Europe/London",
    asks: ["ONE_TIME_CODE", "PERSONAL_DETAILS"],
    shared: "yes",
    moneyLost: "",
    currency: "GBP",
    paymentMethod: "",
    story:
      "He said someone was buying a laptop on my account and asked me to read out the code to cancel it.",
    reporterName: "",
    reporterEmail: "",
    reporterPhone: "",
    customerEmail: "",
    ...overrides,
  };
}

export async function createScamReportRow(
  data: Partial<Prisma.ScamReportUncheckedCreateInput> = {},
): Promise<{ id: string; reference: string }> {
  return getDb().scamReport.create({
    data: {
      reference: generateReference(),
      source: "PUBLIC_FORM",
      channel: "CALL",
      contactedAt: new Date(Date.now() - 3_600_000),
      story: "Caller asked for the code we had just sent.",
      asks: ["ONE_TIME_CODE"],
      ...data,
    },
    select: { id: true, reference: true },
  });
}
