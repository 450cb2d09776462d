// Everything the customer page shows above the timelines: profile (masked), second factors, live
// sessions, open cases and recent scam reports.
import "server-only";
import { getDb } from "@/lib/db/client";
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

async function loadOverview<Extra>(
  ctx: StaffContext,
  customerId: string,
  extra: (customer: CustomerRow) => Promise<Extra>,
): Promise<{ overview: CustomerOverview; assessment: Extra } | null> {
  if (!isUuid(customerId)) return null;
  const db = getDb();
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      externalId: true,
      fullName: true,
      email: true,
      phoneE164: true,
      country: true,
      status: true,
      flaggedAt: true,
      flagReason: true,
      passwordResetRequired: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!customer) return null;
  // Once the customer is known to exist, the lists and the audit event are independent: sent at
  // once on separate pooled connections, the page waits for the slowest instead of for the sum.
  // Nothing is returned unless the audit event was written.
  const [factors, sessions, openCases, scamReports, , assessment] = await Promise.all([
    db.secondFactor.findMany({
      where: { customerId, removedAt: null },
      orderBy: { enrolledAt: "asc" },
      select: { id: true, type: true, label: true, destination: true, enrolledAt: true, lastUsedAt: true },
    }),
    db.customerSession.findMany({
      where: {
        customerId,
        revokedAt: null,
        lastSeenAt: { gt: new Date(Date.now() - LIVE_SESSION_DAYS * 86_400_000) },
      },
      orderBy: { lastSeenAt: "desc" },
      take: 50,
      select: {
        id: true,
        deviceLabel: true,
        userAgent: true,
        ip: true,
        country: true,
        city: true,
        createdAt: true,
        lastSeenAt: true,
      },
    }),
    db.case.findMany({
      where: { customerId, status: { not: "CLOSED" } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, number: true, type: true, status: true, subject: true, createdAt: true },
    }),
    db.scamReport.findMany({
      where: { customerId },
      orderBy: { contactedAt: "desc" },
      take: 10,
      select: {
        id: true,
        reference: true,
        channel: true,
        contactedAt: true,
        claimedOrganisation: true,
        status: true,
      },
    }),
    recordAuditEvent({
      actor: ctx.actor,
      action: "customer.viewed",
      target: { type: "customer", id: customer.id },
      ip: ctx.ip,
    }),
    extra(customer),
  ]);
  const { email, phoneE164, ...rest } = customer;
  const overview: CustomerOverview = {
    ...rest,
    emailMasked: maskEmail(email),
    phoneMasked: phoneE164 ? maskPhone(phoneE164) : null,
    factors: factors.map(({ destination, ...factor }) => ({
      ...factor,
      destinationMasked: destination ? maskDestination(destination) : null,
    })),
    sessions,
    openCases,
    scamReports,
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
