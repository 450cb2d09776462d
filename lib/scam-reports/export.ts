// The CSV export: one row per report, in columns that map onto what national fraud-report forms
// ask (UK Action Fraud, US FTC ReportFraud); docs/scam-reports.md documents the mapping. The
// reporter's own contact details and the customer's identity are left out on purpose: the file is
// about the scam, and it travels.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { toCsv } from "@/lib/csv/csv";
import { ASK_LABELS, CHANNEL_LABELS, SOURCE_LABELS, STATUS_LABELS } from "./labels";

export const EXPORT_COLUMNS = [
  "report_reference",
  "report_source",
  "report_status",
  "received_at_utc",
  "contact_date_utc",
  "contact_time_utc",
  "contact_method",
  "suspect_phone_number",
  "suspect_contact_as_reported",
  "impersonated_organisation",
  "suspect_role",
  "suspect_name",
  "requested_items",
  "information_shared",
  "amount_lost",
  "currency",
  "payment_method",
  "description",
  "linked_case",
] as const;

export const EXPORT_MAX_ROWS = 50_000;

type ExportRow = {
  reference: string;
  source: keyof typeof SOURCE_LABELS;
  status: keyof typeof STATUS_LABELS;
  createdAt: Date;
  contactedAt: Date;
  channel: keyof typeof CHANNEL_LABELS;
  contactNumberE164: string | null;
  contactRaw: string | null;
  claimedOrganisation: string | null;
  claimedRole: string | null;
  claimedName: string | null;
  asks: (keyof typeof ASK_LABELS)[];
  sharedSomething: boolean;
  moneyLostCents: number | null;
  currency: string | null;
  paymentMethod: string | null;
  story: string;
  case: { number: number } | null;
};

export function exportRow(row: ExportRow): (string | null)[] {
  const iso = row.contactedAt.toISOString();
  return [
    row.reference,
    SOURCE_LABELS[row.source],
    STATUS_LABELS[row.status],
    row.createdAt.toISOString(),
    iso.slice(0, 10),
    iso.slice(11, 16),
    CHANNEL_LABELS[row.channel],
    row.contactNumberE164,
    row.contactRaw,
    row.claimedOrganisation,
    row.claimedRole,
    row.claimedName,
    row.asks.map((ask) => ASK_LABELS[ask].short).join("; "),
    row.sharedSomething ? "Yes" : "No",
    row.moneyLostCents === null ? null : (row.moneyLostCents / 100).toFixed(2),
    row.currency,
    row.paymentMethod,
    row.story,
    row.case ? `C-${row.case.number}` : null,
  ];
}

/** The period's reports (by time received) as CSV; the export itself is audited. */
export async function exportScamReportsCsv(
  ctx: StaffContext,
  days: number,
  now = new Date(),
): Promise<{ csv: string; rows: number }> {
  const from = new Date(now.getTime() - days * 86_400_000);
  const db = getDb();
  const rows = await db.scamReport.findMany({
    where: { createdAt: { gte: from, lte: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORT_MAX_ROWS,
    select: {
      reference: true,
      source: true,
      status: true,
      createdAt: true,
      contactedAt: true,
      channel: true,
      contactNumberE164: true,
      contactRaw: true,
      claimedOrganisation: true,
      claimedRole: true,
      claimedName: true,
      asks: true,
      sharedSomething: true,
      moneyLostCents: true,
      currency: true,
      paymentMethod: true,
      story: true,
      case: { select: { number: true } },
    },
  });
  await db.$transaction((tx) =>
    appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "scam_report.exported",
      ip: ctx.ip,
      data: { days, rows: rows.length, format: "csv" },
    }),
  );
  // lib/csv neutralises formulas; the byte-order mark makes Excel read the file as UTF-8.
  return { csv: `\uFEFF${toCsv([...EXPORT_COLUMNS], rows.map(exportRow))}`, rows: rows.length };
}
