// Writing new reports: from the public form (spam checks, rate limits) and from staff taking a
// report by phone (optional customer and case links). Each report is created with its audit event
// in one transaction, under a fresh reference.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { findCaseByNumber } from "@/lib/cases/case-lookup";
import { searchCustomers } from "@/lib/customers/customer-search";
import { checkFormToken, issueFormToken, type FormTokenRules } from "@/lib/forms/form-token";
import { claimFormToken } from "@/lib/forms/form-token-claim";
import { invalidState, type ActionState } from "@/lib/forms/action-state";
import { fail, succeed, type Result } from "@/lib/result";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ScamReportSource } from "@/lib/generated/prisma/enums";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { confirmationPath } from "./confirmation";
import { generateReference } from "./reference";
import { publicReportSchema, type ScamReportInput, type StaffReportInput } from "./schemas";

export type CreatedReport = { id: string; reference: string };

type CreateOptions = {
  source: ScamReportSource;
  actor: AuditActor;
  ip?: string;
  recordedById?: string | null;
  customerId?: string | null;
  caseId?: string | null;
  /** Tests inject colliding references. */
  generate?: () => string;
};

const REFERENCE_ATTEMPTS = 5;

function isReferenceCollision(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createScamReport(
  input: ScamReportInput,
  options: CreateOptions,
): Promise<CreatedReport> {
  const generate = options.generate ?? (() => generateReference());
  for (let attempt = 1; ; attempt++) {
    const reference = generate();
    try {
      return await getDb().$transaction(async (tx) => {
        const report = await tx.scamReport.create({
          data: {
            ...input,
            reference,
            source: options.source,
            recordedById: options.recordedById ?? null,
            customerId: options.customerId ?? null,
            caseId: options.caseId ?? null,
          },
          select: { id: true, reference: true },
        });
        await appendAuditEvent(tx, {
          actor: options.actor,
          action: "scam_report.created",
          target: { type: "scam_report", id: report.id },
          ip: options.ip,
          data: {
            reference,
            source: options.source,
            channel: input.channel,
            customerId: options.customerId ?? null,
            caseId: options.caseId ?? null,
          },
        });
        return report;
      });
    } catch (error) {
      // 40 random bits make a collision rare; the unique index makes it harmless: draw again.
      if (isReferenceCollision(error) && attempt < REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Public form
// ---------------------------------------------------------------------------------------------

export const PUBLIC_FORM_PURPOSE = "scam-report";
/** Nobody reads and fills this form in under 3 seconds; a page left open for a day is re-issued. */
export const PUBLIC_FORM_TIMING: FormTokenRules = { minAgeMs: 3_000, maxAgeMs: 24 * 3_600_000 };
/** Every submission, valid or not: stops floods. */
export const SUBMIT_LIMIT: RateLimitRule = { name: "scam-report-submit", limit: 20, windowSeconds: 10 * 60 };
/** Accepted reports: a person rarely has more than a few scams to report in an hour. */
export const ACCEPT_LIMIT: RateLimitRule = { name: "scam-report-accepted", limit: 5, windowSeconds: 60 * 60 };

/** The field the form hides from people; bots that fill every field fill it too. */
export const HONEYPOT_FIELD = "website";

/** Fields echoed back so a form without JavaScript shows what was typed after an error. */
const ECHOED_FIELDS = [
  "channel",
  "contact",
  "claimedOrganisation",
  "claimedRole",
  "claimedName",
  "contactedAt",
  "timeZone",
  "asks",
  "shared",
  "moneyLost",
  "currency",
  "paymentMethod",
  "story",
  "reporterName",
  "reporterEmail",
  "reporterPhone",
  "customerEmail",
] as const;

export type ReportFormValues = Partial<Record<(typeof ECHOED_FIELDS)[number], string | string[]>>;

export type PublicReportState = ActionState & { values?: ReportFormValues; formToken?: string };

export type PublicSubmitOutcome =
  { ok: true; redirectTo: string; reference: string } | { ok: false; state: PublicReportState };

function echo(fields: Record<string, unknown>): ReportFormValues {
  const values: ReportFormValues = {};
  for (const key of ECHOED_FIELDS) {
    const value = fields[key];
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value))
      values[key] = value.filter((item): item is string => typeof item === "string").slice(0, 20);
  }
  return values;
}

function waitWords(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}

/**
 * The public form's whole decision: rate limit, honeypot, timing token, validation, second rate
 * limit, then the report. `client` is a non-reversible fingerprint (lib/http/client-ip.ts).
 */
export async function submitPublicReport(
  fields: Record<string, unknown>,
  client: string,
  now = Date.now(),
): Promise<PublicSubmitOutcome> {
  const values = echo(fields);
  const fresh = () => issueFormToken(PUBLIC_FORM_PURPOSE, now);
  const refuse = (message: string, extra: Partial<PublicReportState> = {}): PublicSubmitOutcome => ({
    ok: false,
    state: { status: "error", message, values, formToken: fresh(), ...extra },
  });

  const flood = await hitRateLimit(SUBMIT_LIMIT, client);
  if (!flood.allowed) {
    return refuse(
      `You have sent this form many times in a short while, so we have paused it for your connection. Please try again in ${waitWords(flood.retryAfterSeconds)}. ` +
        "If you have lost money or think someone is in your account, call your bank and us now: do not wait.",
    );
  }

  const honeypot = fields[HONEYPOT_FIELD];
  if (typeof honeypot !== "string" || honeypot.trim() !== "") {
    // Worded for the rare person whose browser auto-filled the hidden field.
    return refuse(
      'We could not accept this report. If your browser filled in the field labelled "Leave this field empty", clear it and send the form again.',
    );
  }

  const timing = checkFormToken(fields.formToken, PUBLIC_FORM_PURPOSE, PUBLIC_FORM_TIMING, now);
  if (!timing.ok) {
    const message =
      timing.reason === "too-fast"
        ? "That was quicker than we expected. Please check your answers, wait a few seconds and send the form again."
        : timing.reason === "expired"
          ? "This form was open for a long time, so we could not accept it. Your answers are still here: please send it again."
          : "We could not accept this report. Please reload the page and try again.";
    // A valid but early token stays valid: keeping it means the wait is already running.
    return refuse(message, timing.reason === "too-fast" ? { formToken: String(fields.formToken) } : {});
  }

  const parsed = publicReportSchema.safeParse(fields);
  if (!parsed.success)
    return {
      ok: false,
      state: {
        ...invalidState(parsed.error),
        values,
        formToken: typeof fields.formToken === "string" ? fields.formToken : fresh(),
      },
    };

  const accepted = await hitRateLimit(ACCEPT_LIMIT, client);
  if (!accepted.allowed) {
    return refuse(
      `We have already received several reports from your connection in the last hour. Please try again in ${waitWords(accepted.retryAfterSeconds)}, ` +
        "or call us if it is urgent.",
    );
  }

  // Single use: the same page's token cannot send a second report (bots replaying one form).
  if (!(await claimFormToken(fields.formToken, PUBLIC_FORM_TIMING))) {
    return refuse(
      "This form has already been sent. If you have another scam to tell us about, please fill in the form again.",
    );
  }

  const report = await createScamReport(parsed.data, {
    source: "PUBLIC_FORM",
    actor: { type: "ANONYMOUS", label: `public form (client ${client})` },
  });
  return {
    ok: true,
    reference: report.reference,
    redirectTo: confirmationPath({
      reference: report.reference,
      asks: parsed.data.asks,
      sharedSomething: parsed.data.sharedSomething,
      lostMoney: (parsed.data.moneyLostCents ?? 0) > 0,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Staff intake
// ---------------------------------------------------------------------------------------------

/**
 * Resolves a customer typed by an agent (email, phone or id; a search that is audited like any
 * other) to exactly one customer.
 */
export async function resolveCustomer(
  ctx: StaffContext,
  query: string,
): Promise<Result<{ customerId: string; fullName: string }>> {
  const result = await searchCustomers(ctx, { q: query, reason: "linking a scam report" });
  if (!result.ok) return fail(result.message, "customer");
  if (result.kind === "name")
    return fail("Use the customer's email, phone number or customer id: names are not unique.", "customer");
  const [only, ...others] = result.customers;
  if (!only) return fail("No customer matches that email, phone number or id.", "customer");
  if (others.length)
    return fail(
      `${result.customers.length} customers have that phone number: use their email or customer id.`,
      "customer",
    );
  return succeed(`Found ${only.fullName}.`, { customerId: only.id, fullName: only.fullName });
}

export async function recordStaffReport(
  ctx: StaffContext,
  input: StaffReportInput,
): Promise<Result<CreatedReport>> {
  const { customerQuery, caseNumber, ...report } = input;
  let customerId: string | null = null;
  if (customerQuery) {
    const customer = await resolveCustomer(ctx, customerQuery);
    if (!customer.ok) return customer;
    customerId = customer.data.customerId;
  }
  let caseId: string | null = null;
  if (caseNumber !== null) {
    const found = await findCaseByNumber(caseNumber);
    if (!found) return fail(`There is no case C-${caseNumber}.`, "caseNumber");
    if (customerId && found.customerId !== customerId)
      return fail(`Case C-${caseNumber} belongs to another customer.`, "caseNumber");
    caseId = found.id;
    customerId ??= found.customerId;
  }
  const created = await createScamReport(report, {
    source: "STAFF",
    actor: ctx.actor,
    ip: ctx.ip,
    recordedById: ctx.staff.id,
    customerId,
    caseId,
  });
  return succeed("Report recorded.", created);
}
