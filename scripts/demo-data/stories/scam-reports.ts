// The scam-call reports of the stories (SCAM_REPORTS in stories.ts), linked to customers and cases.
import type pg from "pg";
import { MINUTE } from "../customer-profile";
import { SCAM_REPORTS, type DemoStaffKey, type StoryCaseKey, type StoryCustomerKey } from "../stories";

export async function writeScamReports(
  client: pg.ClientBase,
  now: number,
  staffIds: Record<DemoStaffKey, string>,
  customerId: (key: StoryCustomerKey) => string,
  caseIds: ReadonlyMap<StoryCaseKey, string>,
): Promise<number> {
  for (const r of SCAM_REPORTS) {
    const contactedAt = now - r.contactedAgo;
    const createdAt = Math.min(contactedAt + r.reportedAfter, now - MINUTE);
    await client.query(
      `INSERT INTO scam_reports (reference, source, status, channel, contact_number_e164, contact_raw, claimed_organisation,
         claimed_role, claimed_name, contacted_at, asks, shared_something, money_lost_cents, currency, payment_method, story,
         reporter_name, reporter_email, reporter_phone, customer_email, customer_id, case_id, assignee_id, recorded_by_id,
         created_at, updated_at)
       VALUES ($1, $2::"ScamReportSource", $3::"ScamReportStatus", $4::"ScamChannel", $5, $6, $7, $8, $9, $10,
         $11::"ScamAsk"[], $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $25)`,
      [
        r.reference,
        r.source,
        r.status,
        r.channel,
        r.contactNumberE164,
        r.contactRaw,
        r.claimedOrganisation,
        r.claimedRole,
        r.claimedName,
        new Date(contactedAt),
        r.asks,
        r.sharedSomething,
        r.moneyLostCents,
        r.currency,
        r.paymentMethod,
        r.story,
        r.reporterName,
        r.reporterEmail,
        r.reporterPhone,
        r.customerEmail,
        r.customer ? customerId(r.customer) : null,
        r.caseKey ? (caseIds.get(r.caseKey) ?? null) : null,
        r.assignee ? staffIds[r.assignee] : null,
        r.recordedBy ? staffIds[r.recordedBy] : null,
        new Date(createdAt),
      ],
    );
  }
  return SCAM_REPORTS.length;
}
