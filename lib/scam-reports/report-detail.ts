// One report as staff see it, with its links, duplicate hints and watchlist status. Viewing is
// audited: a report holds the reporter's contact details.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { listActivityBetween, listKnownDevices } from "@/lib/customers/activity-window";
import type { Prisma } from "@/lib/generated/prisma/client";
import { correlate, correlationWindow, type Correlation } from "./correlation";
import { candidateWindows, findDuplicateHints, type DuplicateHints } from "./duplicates";
import { normaliseReference } from "./reference";
import { findWatchlisted, type WatchlistEntry } from "./watchlist";

const DETAIL_SELECT = {
  id: true,
  reference: true,
  source: true,
  status: true,
  channel: true,
  contactNumberE164: true,
  contactRaw: true,
  claimedOrganisation: true,
  claimedRole: true,
  claimedName: true,
  contactedAt: true,
  asks: true,
  sharedSomething: true,
  moneyLostCents: true,
  currency: true,
  paymentMethod: true,
  story: true,
  reporterName: true,
  reporterEmail: true,
  reporterPhone: true,
  customerEmail: true,
  createdAt: true,
  updatedAt: true,
  customerId: true,
  customer: { select: { id: true, fullName: true, externalId: true } },
  case: { select: { id: true, number: true, status: true, subject: true } },
  assignee: { select: { id: true, name: true } },
  recordedBy: { select: { id: true, name: true } },
} satisfies Prisma.ScamReportSelect;

/** The row as selected (its type follows the select), with the hints computed for it. */
export type ScamReportDetail = Omit<
  Prisma.ScamReportGetPayload<{ select: typeof DETAIL_SELECT }>,
  "customerId"
> & {
  hints: DuplicateHints;
  watchlist: WatchlistEntry | null;
};

export async function getScamReportDetail(
  ctx: StaffContext,
  rawReference: string,
): Promise<ScamReportDetail | null> {
  const reference = normaliseReference(rawReference);
  if (!reference) return null;
  const db = getDb();
  const report = await db.scamReport.findUnique({ where: { reference }, select: DETAIL_SELECT });
  if (!report) return null;
  const windows = candidateWindows([report]);
  const [candidates, watchlisted] = await Promise.all([
    windows.length
      ? db.scamReport.findMany({
          where: { OR: windows },
          take: 200,
          select: { id: true, reference: true, contactNumberE164: true, customerId: true, contactedAt: true },
        })
      : Promise.resolve([]),
    findWatchlisted(report.contactNumberE164 ? [report.contactNumberE164] : []),
    db.$transaction((tx) =>
      appendAuditEvent(tx, {
        actor: ctx.actor,
        action: "scam_report.viewed",
        target: { type: "scam_report", id: report.id },
        ip: ctx.ip,
        data: { reference: report.reference },
      }),
    ),
  ]);
  const { customerId: _customerId, ...rest } = report;
  return {
    ...rest,
    hints: findDuplicateHints(report, candidates),
    watchlist: report.contactNumberE164 ? (watchlisted.get(report.contactNumberE164) ?? null) : null,
  };
}

/** The customer's activity around the reported contact, or null when no customer is linked. */
export async function loadCorrelation(
  report: Pick<ScamReportDetail, "contactedAt" | "sharedSomething"> & { customer: { id: string } | null },
): Promise<(Correlation & { truncated: boolean }) | null> {
  if (!report.customer) return null;
  const { from, to } = correlationWindow(report.contactedAt);
  const [activity, known] = await Promise.all([
    listActivityBetween(report.customer.id, from, to),
    listKnownDevices(report.customer.id, from),
  ]);
  return {
    ...correlate({
      contactedAt: report.contactedAt,
      sharedSomething: report.sharedSomething,
      attempts: activity.attempts,
      deliveries: activity.deliveries,
      knownDevices: known.devices,
    }),
    truncated: activity.truncated,
  };
}
