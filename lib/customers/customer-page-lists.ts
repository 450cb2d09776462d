// The customer page's lists below the overview, in one statement: the latest sign-in attempts and
// codes, the resets and contact restores waiting for a supervisor, the account actions and what
// the identity system said of them, and what the watchlist warning scans (report numbers, case
// texts).
//
// Each list has its own loader beside its table (listLoginAttempts, listPendingResets, ...), used
// by the pages that show that list alone. This is the same reads folded into JSON, because the
// customer page is the console's most viewed page and every statement costs the server far more
// CPU than PostgreSQL spends on these index lookups: seven statements here were ~0.3 ms of app CPU
// each per view (docs/performance/console-speed.md). A test holds this module to the separate
// loaders' answers (customer-page-lists.test.ts).
import "server-only";
import { getDb } from "@/lib/db/client";
import { fromJsonDate, type JsonDate } from "@/lib/db/json-dates";
import type { LoginAttemptRow, OtpDeliveryRow } from "./activity";
import { maskDestination } from "./masking";
import type { PendingReset } from "@/lib/resets/factor-resets";
import { contactFieldOf, type PendingRestore } from "@/lib/account-actions/contact-restores";
import type { AccountActionRow } from "@/lib/account-actions/outbound";
import type { WatchlistSources } from "@/lib/scam-reports/watchlist";
import { CASE_TEXT_LIMITS, caseText } from "@/lib/cases/case-lookup";
import type { AccountActionKind } from "@/lib/generated/prisma/client";

export type CustomerPageLists = {
  attempts: LoginAttemptRow[];
  deliveries: OtpDeliveryRow[];
  pendingResets: PendingReset[];
  pendingRestores: PendingRestore[];
  actions: AccountActionRow[];
  watchlistSources: WatchlistSources;
};

// The separate loaders' bounds: listPendingResets/listPendingRestores (100), listAccountActions'
// default (10) and findWatchlistMentionsForCustomer (50 reports); the case texts' bounds are
// listCaseTextsForCustomer's own (CASE_TEXT_LIMITS).
const PENDING_LIMIT = 100;
const ACTIONS_SHOWN = 10;
const REPORTS_SCANNED = 50;

type Dated<Row, Keys extends keyof Row> = Omit<Row, Keys> & {
  [Key in Keys]: Row[Key] extends Date ? JsonDate : JsonDate | null;
};

type ListsRow = {
  attempts: Dated<LoginAttemptRow, "occurredAt">[];
  deliveries: Dated<OtpDeliveryRow, "sentAt" | "expiresAt" | "usedAt">[];
  resets: (Dated<Omit<PendingReset, "requestedBy" | "customer" | "factors">, "createdAt" | "expiresAt"> & {
    requestedBy: PendingReset["requestedBy"];
    customer: PendingReset["customer"];
    factors: PendingReset["factors"] | null;
  })[];
  restores: (Dated<
    Omit<PendingRestore, "requestedBy" | "customer" | "field" | "restoreMasked" | "replacedMasked">,
    "createdAt" | "expiresAt"
  > & {
    field: "EMAIL" | "PHONE";
    restoreValue: string;
    replacedValue: string | null;
    requestedBy: PendingRestore["requestedBy"];
    customer: PendingRestore["customer"];
  })[];
  actions: (Dated<Omit<AccountActionRow, "deliveries" | "kind">, "createdAt" | "confirmedAt"> & {
    kind: AccountActionKind;
    deliveries: Dated<AccountActionRow["deliveries"][number], "nextAttemptAt" | "deliveredAt">[];
  })[];
  reports: WatchlistSources["reports"];
  cases: Parameters<typeof caseText>[0][];
};

export async function loadCustomerPageLists(
  customerId: string,
  latestRows: number,
  now = new Date(),
): Promise<CustomerPageLists> {
  const rows = await getDb().$queryRaw<ListsRow[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
                'id', a.id::text, 'occurredAt', a.occurred_at, 'outcome', a.outcome, 'factor', a.factor,
                'ip', a.ip, 'country', a.country, 'city', a.city, 'deviceId', a.device_id,
                'userAgent', a.user_agent, 'flowId', a.flow_id) ORDER BY a.occurred_at DESC, a.id DESC), '[]')
       FROM (SELECT * FROM login_attempts WHERE customer_id = ${customerId}::uuid
             ORDER BY occurred_at DESC, id DESC LIMIT ${latestRows}) a) AS attempts,
      (SELECT coalesce(json_agg(json_build_object(
                'id', d.id::text, 'sentAt', d.sent_at, 'purpose', d.purpose, 'channel', d.channel,
                'destinationMasked', d.destination_masked, 'status', d.status, 'statusReason', d.status_reason,
                'expiresAt', d.expires_at, 'usedAt', d.used_at, 'requestIp', d.request_ip,
                'requestCountry', d.request_country, 'requestDeviceId', d.request_device_id,
                'requestUserAgent', d.request_user_agent, 'flowId', d.flow_id) ORDER BY d.sent_at DESC, d.id DESC), '[]')
       FROM (SELECT * FROM otp_deliveries WHERE customer_id = ${customerId}::uuid
             ORDER BY sent_at DESC, id DESC LIMIT ${latestRows}) d) AS deliveries,
      (SELECT coalesce(json_agg(json_build_object(
                'id', r.id, 'createdAt', r.created_at, 'expiresAt', r.expires_at, 'reason', r.reason,
                'verificationMethod', r.verification_method, 'verificationDetail', r.verification_detail,
                'riskReasons', r.risk_reasons, 'revokeSessions', r.revoke_sessions,
                'forcePasswordReset', r.force_password_reset,
                'requestedBy', json_build_object('id', s.id, 'name', s.name, 'email', s.email),
                'customer', json_build_object('id', c.id, 'fullName', c.full_name, 'externalId', c.external_id),
                'factors', (SELECT json_agg(json_build_object('id', f.id, 'type', f.type, 'label', f.label)
                                            ORDER BY array_position(r.factor_ids, f.id))
                            FROM second_factors f WHERE f.id = ANY (r.factor_ids))
              ) ORDER BY r.created_at), '[]')
       FROM (SELECT * FROM factor_resets
             WHERE customer_id = ${customerId}::uuid AND status = 'PENDING_APPROVAL' AND expires_at > ${now}
             ORDER BY created_at LIMIT ${PENDING_LIMIT}) r
       JOIN staff_users s ON s.id = r.requested_by_id
       JOIN customers c ON c.id = r.customer_id) AS resets,
      (SELECT coalesce(json_agg(json_build_object(
                'id', r.id, 'createdAt', r.created_at, 'expiresAt', r.expires_at, 'field', r.field,
                'restoreValue', r.restore_value, 'replacedValue', r.replaced_value, 'reason', r.reason,
                'riskReasons', r.risk_reasons,
                'requestedBy', json_build_object('id', s.id, 'name', s.name),
                'customer', json_build_object('id', c.id, 'fullName', c.full_name, 'externalId', c.external_id)
              ) ORDER BY r.created_at), '[]')
       FROM (SELECT * FROM contact_restores
             WHERE customer_id = ${customerId}::uuid AND status = 'PENDING_APPROVAL' AND expires_at > ${now}
             ORDER BY created_at LIMIT ${PENDING_LIMIT}) r
       JOIN staff_users s ON s.id = r.requested_by_id
       JOIN customers c ON c.id = r.customer_id) AS restores,
      (SELECT coalesce(json_agg(json_build_object(
                'id', x.id, 'kind', x.kind, 'status', x.status, 'reason', x.reason, 'createdAt', x.created_at,
                'confirmedAt', x.confirmed_at, 'decidedBy', s.name,
                'deliveries', (SELECT coalesce(json_agg(json_build_object(
                                        'endpoint', e.name, 'status', ad.status, 'attempts', ad.attempts,
                                        'nextAttemptAt', ad.next_attempt_at, 'lastError', ad.last_error,
                                        'deliveredAt', ad.delivered_at) ORDER BY e.created_at), '[]')
                               FROM action_deliveries ad JOIN integration_endpoints e ON e.id = ad.endpoint_id
                               WHERE ad.action_id = x.id)
              ) ORDER BY x.created_at DESC), '[]')
       FROM (SELECT * FROM account_actions WHERE customer_id = ${customerId}::uuid
             ORDER BY created_at DESC LIMIT ${ACTIONS_SHOWN}) x
       LEFT JOIN staff_users s ON s.id = x.decided_by_id) AS actions,
      (SELECT coalesce(json_agg(json_build_object('reference', p.reference, 'number', p.contact_number_e164)
                                ORDER BY p.contacted_at DESC), '[]')
       FROM (SELECT * FROM scam_reports WHERE customer_id = ${customerId}::uuid AND contact_number_e164 IS NOT NULL
             ORDER BY contacted_at DESC LIMIT ${REPORTS_SCANNED}) p) AS reports,
      (SELECT coalesce(json_agg(json_build_object(
                'id', k.id, 'number', k.number, 'subject', k.subject, 'outcome', k.outcome,
                'notes', coalesce((SELECT array_agg(n.body ORDER BY n.created_at DESC)
                                   FROM (SELECT body, created_at FROM case_notes WHERE case_id = k.id
                                         ORDER BY created_at DESC LIMIT ${CASE_TEXT_LIMITS.notesPerCase}) n), '{}')
              ) ORDER BY k.created_at DESC), '[]')
       FROM (SELECT * FROM cases WHERE customer_id = ${customerId}::uuid
             ORDER BY created_at DESC LIMIT ${CASE_TEXT_LIMITS.cases}) k) AS cases`;
  const row = rows[0];
  if (!row) throw new Error("a SELECT without FROM always returns one row");
  return {
    attempts: row.attempts.map((attempt) => ({ ...attempt, occurredAt: fromJsonDate(attempt.occurredAt) })),
    deliveries: row.deliveries.map((delivery) => ({
      ...delivery,
      sentAt: fromJsonDate(delivery.sentAt),
      expiresAt: fromJsonDate(delivery.expiresAt),
      usedAt: fromJsonDate(delivery.usedAt),
    })),
    pendingResets: row.resets.map((reset) => ({
      ...reset,
      createdAt: fromJsonDate(reset.createdAt),
      expiresAt: fromJsonDate(reset.expiresAt),
      factors: reset.factors ?? [],
    })),
    pendingRestores: row.restores.map(({ restoreValue, replacedValue, field, ...restore }) => ({
      ...restore,
      createdAt: fromJsonDate(restore.createdAt),
      expiresAt: fromJsonDate(restore.expiresAt),
      field: contactFieldOf(field),
      restoreMasked: maskDestination(restoreValue),
      replacedMasked: replacedValue ? maskDestination(replacedValue) : null,
    })),
    actions: row.actions.map((action) => ({
      ...action,
      createdAt: fromJsonDate(action.createdAt),
      confirmedAt: fromJsonDate(action.confirmedAt),
      deliveries: action.deliveries.map((delivery) => ({
        ...delivery,
        nextAttemptAt: fromJsonDate(delivery.nextAttemptAt),
        deliveredAt: fromJsonDate(delivery.deliveredAt),
      })),
    })),
    watchlistSources: {
      reports: row.reports,
      cases: row.cases.map(caseText),
    },
  };
}
