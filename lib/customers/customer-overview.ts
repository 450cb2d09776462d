// Everything the customer page shows above the timelines: profile (masked), second factors, live
// sessions, open cases and recent scam reports.
import "server-only";
import { getDb } from "@/lib/db/client";
import { fromJsonDate, type JsonDate } from "@/lib/db/json-dates";
import { appendAuditEvent, recordAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { isUuid } from "@/lib/ids";
import { fail, succeed, type Result } from "@/lib/result";
import type { RevealFieldInput } from "./schemas";
import { maskDestination, maskEmail, maskPhone } from "./masking";
import { assessCustomer, type CustomerAssessment } from "./verdict-data";

export type CustomerOverview = {
  id: string;
  externalId: string;
  fullName: string;
  emailMasked: string;
  phoneMasked: string | null;
  country: string | null;
  status: string;
  flaggedAt: Date | null;
  flagReason: string | null;
  passwordResetRequired: boolean;
  createdAt: Date;
  /** Sent back by action forms: an action on a page older than the account is refused. */
  updatedAt: Date;
  factors: {
    id: string;
    type: string;
    label: string;
    destinationMasked: string | null;
    enrolledAt: Date;
    lastUsedAt: Date | null;
  }[];
  sessions: {
    id: string;
    deviceLabel: string | null;
    userAgent: string | null;
    ip: string | null;
    country: string | null;
    city: string | null;
    createdAt: Date;
    lastSeenAt: Date;
  }[];
  openCases: { id: string; number: number; type: string; status: string; subject: string; createdAt: Date }[];
  scamReports: {
    id: string;
    reference: string;
    channel: string;
    contactedAt: Date;
    claimedOrganisation: string | null;
    status: string;
  }[];
};

const LIVE_SESSION_DAYS = 30;

/** Null when no customer has this id. Viewing is audited: who looked at whom. */
export async function getCustomerOverview(
  ctx: StaffContext,
  customerId: string,
): Promise<CustomerOverview | null> {
  return (await loadOverview(ctx, customerId, () => Promise.resolve(null)))?.overview ?? null;
}

/**
 * The customer page: the overview and the verdict, audited once. The assessment is given the
 * customer row read here and runs beside the overview's lists, instead of after them and re-reading
 * the row (see docs/performance/console-speed.md).
 */
export async function getCustomerPage(
  ctx: StaffContext,
  customerId: string,
  now = new Date(),
): Promise<{ overview: CustomerOverview; assessment: CustomerAssessment } | null> {
  return loadOverview(ctx, customerId, (known) => assessCustomer(known.id, now, known));
}

type CustomerRow = {
  id: string;
  externalId: string;
  fullName: string;
  email: string;
  phoneE164: string | null;
  flaggedAt: Date | null;
};

type OverviewRow = CustomerRow & {
  country: string | null;
  status: string;
  flagReason: string | null;
  passwordResetRequired: boolean;
  createdAt: Date;
  updatedAt: Date;
  factors: (Omit<CustomerOverview["factors"][number], "destinationMasked" | "enrolledAt" | "lastUsedAt"> & {
    destination: string | null;
    enrolledAt: JsonDate;
    lastUsedAt: JsonDate | null;
  })[];
  sessions: (Omit<CustomerOverview["sessions"][number], "createdAt" | "lastSeenAt"> & {
    createdAt: JsonDate;
    lastSeenAt: JsonDate;
  })[];
  openCases: (Omit<CustomerOverview["openCases"][number], "createdAt"> & { createdAt: JsonDate })[];
  scamReports: (Omit<CustomerOverview["scamReports"][number], "contactedAt"> & { contactedAt: JsonDate })[];
};

async function loadOverview<Extra>(
  ctx: StaffContext,
  customerId: string,
  extra: (customer: CustomerRow) => Promise<Extra>,
): Promise<{ overview: CustomerOverview; assessment: Extra } | null> {
  if (!isUuid(customerId)) return null;
  // The row and its four lists in one statement, the lists folded into JSON: this is the console's
  // most viewed page, and each statement costs the server far more CPU than PostgreSQL spends on
  // these index lookups (docs/performance/console-speed.md).
  const liveSince = new Date(Date.now() - LIVE_SESSION_DAYS * 86_400_000);
  const rows = await getDb().$queryRaw<OverviewRow[]>`
    SELECT c.id::text, c.external_id AS "externalId", c.full_name AS "fullName", c.email,
           c.phone_e164 AS "phoneE164", c.country, c.status::text AS status, c.flagged_at AS "flaggedAt",
           c.flag_reason AS "flagReason", c.password_reset_required AS "passwordResetRequired",
           c.created_at AS "createdAt", c.updated_at AS "updatedAt",
           (SELECT coalesce(json_agg(json_build_object(
                     'id', f.id, 'type', f.type, 'label', f.label, 'destination', f.destination,
                     'enrolledAt', f.enrolled_at, 'lastUsedAt', f.last_used_at) ORDER BY f.enrolled_at), '[]')
            FROM second_factors f WHERE f.customer_id = c.id AND f.removed_at IS NULL) AS factors,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', l.id, 'deviceLabel', l.device_label, 'userAgent', l.user_agent, 'ip', l.ip,
                     'country', l.country, 'city', l.city, 'createdAt', l.created_at,
                     'lastSeenAt', l.last_seen_at) ORDER BY l.last_seen_at DESC), '[]')
            FROM (SELECT * FROM customer_sessions
                  WHERE customer_id = c.id AND revoked_at IS NULL AND last_seen_at > ${liveSince}
                  ORDER BY last_seen_at DESC LIMIT 50) l) AS sessions,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', k.id, 'number', k.number, 'type', k.type, 'status', k.status,
                     'subject', k.subject, 'createdAt', k.created_at) ORDER BY k.created_at DESC), '[]')
            FROM (SELECT * FROM cases WHERE customer_id = c.id AND status <> 'CLOSED'
                  ORDER BY created_at DESC LIMIT 20) k) AS "openCases",
           (SELECT coalesce(json_agg(json_build_object(
                     'id', r.id, 'reference', r.reference, 'channel', r.channel,
                     'contactedAt', r.contacted_at, 'claimedOrganisation', r.claimed_organisation,
                     'status', r.status) ORDER BY r.contacted_at DESC), '[]')
            FROM (SELECT * FROM scam_reports WHERE customer_id = c.id
                  ORDER BY contacted_at DESC LIMIT 10) r) AS "scamReports"
    FROM customers c
    WHERE c.id = ${customerId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  const { email, phoneE164, factors, sessions, openCases, scamReports, ...rest } = row;
  // Nothing is returned unless the audit event was written.
  const [, assessment] = await Promise.all([
    recordAuditEvent({
      actor: ctx.actor,
      action: "customer.viewed",
      target: { type: "customer", id: row.id },
      ip: ctx.ip,
    }),
    extra(row),
  ]);
  const overview: CustomerOverview = {
    ...rest,
    emailMasked: maskEmail(email),
    phoneMasked: phoneE164 ? maskPhone(phoneE164) : null,
    factors: factors.map(({ destination, enrolledAt, lastUsedAt, ...factor }) => ({
      ...factor,
      destinationMasked: destination ? maskDestination(destination) : null,
      enrolledAt: fromJsonDate(enrolledAt),
      lastUsedAt: fromJsonDate(lastUsedAt),
    })),
    sessions: sessions.map((session) => ({
      ...session,
      createdAt: fromJsonDate(session.createdAt),
      lastSeenAt: fromJsonDate(session.lastSeenAt),
    })),
    openCases: openCases.map((item) => ({ ...item, createdAt: fromJsonDate(item.createdAt) })),
    scamReports: scamReports.map((report) => ({ ...report, contactedAt: fromJsonDate(report.contactedAt) })),
  };
  return { overview, assessment };
}

export type RevealedField = { value: string };

/** The unmasked value, after step-up and with a reason: the caller has checked both. */
export async function revealCustomerField(
  ctx: StaffContext,
  input: RevealFieldInput,
): Promise<Result<RevealedField>> {
  const { customerId, field, reason, attemptId } = input;
  return getDb().$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: customerId },
      select: { email: true, phoneE164: true },
    });
    if (!customer) return fail("That customer does not exist.");
    let value = field === "email" ? customer.email : (customer.phoneE164 ?? "");
    if (field === "login") {
      // The attempt id comes from the request: it must be one of this customer's attempts.
      const attempt = await tx.loginAttempt.findFirst({
        where: { id: BigInt(attemptId ?? "0"), customerId },
        select: { identifier: true },
      });
      if (!attempt) return fail("That sign-in attempt is not this customer's.");
      value = attempt.identifier ?? "";
    }
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "customer.pii.revealed",
      target: { type: "customer", id: customerId },
      reason,
      ip: ctx.ip,
      data: field === "login" ? { field, attemptId } : { field },
    });
    return succeed("Shown for this page only; recorded in the audit log.", { value });
  });
}

export type CustomerHeaderFields = {
  id: string;
  externalId: string;
  fullName: string;
  status: string;
  flaggedAt: Date | null;
};

export type CustomerSubPage = "attempts" | "codes" | "attempt" | "reset";

/**
 * The header of one of the customer's sub-pages, and the audit row that says who looked at what
 * (every page that shows a customer's data is a view). Null for an unknown or malformed id.
 */
export async function viewCustomerSubPage(
  ctx: StaffContext,
  customerId: string,
  page: CustomerSubPage,
  detail: Record<string, string> = {},
): Promise<CustomerHeaderFields | null> {
  const header = await findCustomerHeader(customerId);
  if (!header) return null;
  await recordAuditEvent({
    actor: ctx.actor,
    action: "customer.viewed",
    target: { type: "customer", id: header.id },
    ip: ctx.ip,
    data: { page, ...detail },
  });
  return header;
}

/** The few fields a page about a customer shows on top; null for an unknown or malformed id. */
export async function findCustomerHeader(customerId: string): Promise<CustomerHeaderFields | null> {
  if (!isUuid(customerId)) return null;
  return getDb().customer.findUnique({
    where: { id: customerId },
    select: { id: true, externalId: true, fullName: true, status: true, flaggedAt: true },
  });
}

export async function listActiveFactors(
  customerId: string,
): Promise<{ id: string; type: string; label: string; destinationMasked: string | null }[]> {
  const factors = await getDb().secondFactor.findMany({
    where: { customerId, removedAt: null },
    orderBy: { enrolledAt: "asc" },
    select: { id: true, type: true, label: true, destination: true },
  });
  return factors.map(({ destination, ...factor }) => ({
    ...factor,
    destinationMasked: destination ? maskDestination(destination) : null,
  }));
}
