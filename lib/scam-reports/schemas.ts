// One schema per intent: the fields of a report (shared by the public form and
// staff intake), triage, linking, opening a case, and the queue's and analytics' URL filters.
// Everything arrives as untrusted strings (lib/forms/form-fields.ts); nothing here throws.
// First, so zod is jitless before any schema below is built (lib/forms/zod-csp.ts says why).
import "@/lib/forms/zod-csp";
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import type { ScamReport } from "@/lib/generated/prisma/client";
import type { ScamAsk } from "@/lib/generated/prisma/enums";
import { normaliseContact } from "./contact-number";
import {
  CURRENCIES,
  DEFAULT_TIME_ZONE,
  PAYMENT_METHODS,
  QUEUE_SORTS,
  SCAM_ASKS,
  SCAM_CHANNELS,
  SCAM_SOURCES,
  SCAM_STATUSES,
} from "./labels";
import { normaliseReference } from "./reference";

export const LIMITS = {
  story: 10_000,
  shortText: 200,
  phone: 50,
  email: 254,
  /** In the currency's main unit: larger amounts are almost certainly typing mistakes or junk. */
  moneyMax: 1_000_000,
  /** How far back a report may go. */
  maxAgeYears: 5,
  /** Clock differences between the reporter's device and the server. */
  futureToleranceMs: 5 * 60_000,
} as const;

// C0/C1 controls (NUL would even be refused by PostgreSQL) and bidirectional overrides, which can
// make a number or a name read differently on screen than it is stored ("Trojan Source").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(value: string, multiline = false): string {
  const text = value.replace(/\r\n?/g, "\n").replace(CONTROLS, "");
  return (multiline ? text : text.replace(/\s+/g, " ")).trim();
}

/** Form values are strings; a crafted request may send arrays or nothing. */
const firstString = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);

function optionalText(max: number, tooLong: string) {
  return z.preprocess(
    firstString,
    z
      .string({ error: "Enter text here." })
      .optional()
      .transform((value) => cleanText(value ?? ""))
      .pipe(z.string().max(max, tooLong))
      .transform((value) => value || null),
  );
}

function optionalEmail(label: string) {
  return z.preprocess(
    firstString,
    z
      .string({ error: `Enter ${label}.` })
      .optional()
      .transform((value) => cleanText(value ?? "").toLowerCase())
      .pipe(
        z.union([
          z.literal(""),
          z
            .email(`Enter ${label} like name@example.com, or leave it empty.`)
            .max(LIMITS.email, "That email address is too long."),
        ]),
      )
      .transform((value) => value || null),
  );
}

const storyField = z.preprocess(
  firstString,
  z
    .string({ error: "Tell us what happened." })
    .transform((value) => cleanText(value, true))
    .superRefine((value, ctx) => {
      if (value.length < 10)
        ctx.addIssue({ code: "custom", message: "Tell us what happened, in a sentence or more." });
      if (value.length > LIMITS.story) {
        ctx.addIssue({
          code: "custom",
          message: `Your story is ${value.length.toLocaleString("en-GB")} characters long. Please shorten it to ${LIMITS.story.toLocaleString("en-GB")} characters or fewer (about 1,500 words): the number, the time and what they asked for matter most.`,
        });
      }
    }),
);

export type MoneyParse = { ok: true; cents: number | null } | { ok: false; message: string };

/** "£1,250.50", "1250.5", "0" → cents; negative, malformed and absurd amounts get a message. */
export function parseMoneyToCents(raw: string): MoneyParse {
  const text = raw
    .trim()
    .replace(/^[£$€]|\s/g, "")
    .replace(/^(GBP|EUR|USD|CAD|AUD|NZD)/i, "");
  if (text === "") return { ok: true, cents: null };
  if (/^[-−–]/.test(text))
    return { ok: false, message: "Enter an amount of 0 or more, without a minus sign." };
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(text))
    return { ok: false, message: "Enter an amount like 250 or 89.99." };
  const [whole = "0", fraction = ""] = text.replace(/,/g, "").split(".");
  if (whole.length > 9 || Number(whole) > LIMITS.moneyMax) {
    return {
      ok: false,
      message: `That is more than this form can record (up to ${LIMITS.moneyMax.toLocaleString("en-GB")}). Please call us so we can help.`,
    };
  }
  return { ok: true, cents: Number(whole) * 100 + Number(fraction.padEnd(2, "0")) };
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** "2026-11-27T14:30" on a wall clock in `timeZone` → the instant, or null for a date that does not exist. */
export function wallClockToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  // new Date(2026, 1, 31) rolls over into March: a date that does not exist.
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime());
}

const reportFieldShape = {
  channel: z.preprocess(firstString, z.enum(SCAM_CHANNELS, { error: "Choose how they contacted you." })),
  contact: optionalText(
    LIMITS.shortText,
    "That is too long for a phone number or sender: 200 characters at most.",
  ),
  claimedOrganisation: optionalText(LIMITS.shortText, "Keep this under 200 characters."),
  claimedRole: optionalText(LIMITS.shortText, "Keep this under 200 characters."),
  claimedName: optionalText(LIMITS.shortText, "Keep this under 200 characters."),
  contactedAt: z.preprocess(
    firstString,
    z
      .string({ error: "Enter the date and time they contacted you." })
      .trim()
      .min(1, "Enter the date and time they contacted you.")
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Enter a date and time, like 27/11/2026 14:30."),
  ),
  timeZone: z.preprocess(
    firstString,
    z
      .string()
      .optional()
      .transform((value) => value?.trim() || DEFAULT_TIME_ZONE)
      .refine((value) => value.length <= 64 && isTimeZone(value), "Choose a time zone from the list."),
  ),
  asks: z.preprocess(
    (value): unknown[] =>
      value === undefined || value === "" ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
    // Checked as a whole, so an error belongs to the "asks" field rather than to "asks.3".
    z.array(z.unknown(), { error: "Choose from the list." }).transform((asks, ctx) => {
      const known = (value: unknown): value is ScamAsk =>
        typeof value === "string" && (SCAM_ASKS as readonly string[]).includes(value);
      if (asks.length > SCAM_ASKS.length * 2 || !asks.every(known)) {
        ctx.addIssue({ code: "custom", message: "Choose from the list." });
        return z.NEVER;
      }
      return [...new Set(asks)];
    }),
  ),
  shared: z.preprocess(
    firstString,
    z.enum(["yes", "no"], { error: "Tell us whether you gave them anything or did what they asked." }),
  ),
  moneyLost: z.preprocess(
    firstString,
    z
      .string({ error: "Enter an amount like 250 or 89.99." })
      .max(40, "Enter an amount like 250 or 89.99.")
      .optional()
      .transform((value, ctx) => {
        const money = parseMoneyToCents(value ?? "");
        if (money.ok) return money.cents;
        ctx.addIssue({ code: "custom", message: money.message });
        return z.NEVER;
      }),
  ),
  currency: z.preprocess(
    (value) => firstString(value) || undefined,
    z.enum(CURRENCIES, { error: "Choose a currency from the list." }).optional(),
  ),
  paymentMethod: z.preprocess(
    (value) => firstString(value) || undefined,
    z.enum(PAYMENT_METHODS, { error: "Choose how the money was paid from the list." }).optional(),
  ),
  story: storyField,
  reporterName: optionalText(LIMITS.shortText, "Keep your name under 200 characters."),
  reporterEmail: optionalEmail("your email address"),
  reporterPhone: optionalText(LIMITS.phone, "That is too long for a phone number."),
  customerEmail: optionalEmail("the email address of your account"),
};

/** The report's own columns, as the table has them: what both forms produce for createScamReport. */
export type ScamReportInput = Pick<
  ScamReport,
  | "channel"
  | "contactRaw"
  | "contactNumberE164"
  | "claimedOrganisation"
  | "claimedRole"
  | "claimedName"
  | "contactedAt"
  | "asks"
  | "sharedSomething"
  | "moneyLostCents"
  | "currency"
  | "paymentMethod"
  | "story"
  | "reporterName"
  | "reporterEmail"
  | "reporterPhone"
  | "customerEmail"
>;

type ReportFields = z.output<z.ZodObject<typeof reportFieldShape>>;

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * Rules across fields. They run even when other fields have errors (`when` below), so a person sees
 * every problem at once; each rule first checks that the fields it needs parsed.
 */
function checkAcrossFields(fields: Partial<ReportFields> | null | undefined, ctx: z.RefinementCtx): void {
  // With `when`, this also runs for input that is not an object at all.
  if (typeof fields !== "object" || fields === null) return;
  const now = Date.now();
  const { contactedAt, timeZone, moneyLost, currency } = fields;
  if (
    typeof contactedAt === "string" &&
    WALL_CLOCK.test(contactedAt) &&
    typeof timeZone === "string" &&
    isTimeZone(timeZone)
  ) {
    const instant = wallClockToInstant(contactedAt, timeZone);
    if (!instant) {
      ctx.addIssue({
        code: "custom",
        path: ["contactedAt"],
        message: "That date does not exist. Check the day and month.",
      });
    } else if (instant.getTime() > now + LIMITS.futureToleranceMs) {
      ctx.addIssue({
        code: "custom",
        path: ["contactedAt"],
        message: "That date and time is in the future. When did they contact you?",
      });
    } else if (instant.getTime() < now - LIMITS.maxAgeYears * 365.25 * 86_400_000) {
      ctx.addIssue({
        code: "custom",
        path: ["contactedAt"],
        message: `This form covers the last ${LIMITS.maxAgeYears} years. For older scams, please contact the police.`,
      });
    }
  }
  if (typeof moneyLost === "number" && moneyLost > 0 && !currency) {
    ctx.addIssue({
      code: "custom",
      path: ["currency"],
      message: "Choose the currency of the money you lost.",
    });
  }
}

const ALWAYS = { when: () => true };

/** The conversion to what is stored, once every rule has passed. */
function toReportInput(fields: ReportFields): ScamReportInput {
  const cents = fields.moneyLost;
  return {
    channel: fields.channel,
    ...normaliseContact(fields.contact, fields.channel),
    claimedOrganisation: fields.claimedOrganisation,
    claimedRole: fields.claimedRole,
    claimedName: fields.claimedName,
    contactedAt: wallClockToInstant(fields.contactedAt, fields.timeZone) ?? new Date(Number.NaN),
    asks: fields.asks,
    sharedSomething: fields.shared === "yes",
    moneyLostCents: cents,
    currency: cents ? (fields.currency ?? null) : null,
    paymentMethod: fields.paymentMethod ?? null,
    story: fields.story,
    reporterName: fields.reporterName,
    reporterEmail: fields.reporterEmail,
    reporterPhone: fields.reporterPhone,
    customerEmail: fields.customerEmail,
  };
}

/** What a member of the public sends (the spam checks happen before, in intake). */
export const publicReportSchema = z
  .object(reportFieldShape)
  .superRefine(checkAcrossFields, ALWAYS)
  .transform(toReportInput);

const caseNumberField = z.preprocess(
  firstString,
  z
    .string()
    .optional()
    .transform((value) => cleanText(value ?? "").replace(/^C-?/i, ""))
    .refine(
      (value) => value === "" || /^\d{1,9}$/.test(value),
      "Enter a case number like C-1042, or leave it empty.",
    )
    .transform((value) => (value ? Number(value) : null)),
);

/** An agent recording a report taken by phone: the same fields, plus optional links. */
export const staffReportSchema = z
  .object({
    ...reportFieldShape,
    customer: optionalText(LIMITS.shortText, "That is too long to be an email, phone number or customer id."),
    caseNumber: caseNumberField,
  })
  .superRefine(checkAcrossFields, ALWAYS)
  .transform((fields) => ({
    ...toReportInput(fields),
    customerQuery: fields.customer,
    caseNumber: fields.caseNumber,
  }));

export type StaffReportInput = z.output<typeof staffReportSchema>;

const referenceField = z.preprocess(
  firstString,
  z.string({ error: "Unknown report." }).transform((value, ctx) => {
    const reference = normaliseReference(value);
    if (!reference) {
      ctx.addIssue({ code: "custom", message: "Unknown report." });
      return z.NEVER;
    }
    return reference;
  }),
);

export const triageSchema = z.object({
  reference: referenceField,
  status: z.preprocess(firstString, z.enum(SCAM_STATUSES, { error: "Choose a status from the list." })),
  assigneeId: z.preprocess(
    firstString,
    z
      .union([z.literal(""), z.uuid({ error: "Choose someone from the list." })], {
        error: "Choose someone from the list.",
      })
      .transform((value) => value || null),
  ),
});

export const linkCustomerSchema = z.object({
  reference: referenceField,
  customer: z.preprocess(
    firstString,
    z
      .string({ error: "Enter the customer's email, phone number or customer id." })
      .transform((value) => cleanText(value))
      .pipe(
        z
          .string()
          .min(2, "Enter the customer's email, phone number or customer id.")
          .max(LIMITS.shortText, "That is too long."),
      ),
  ),
});

export const openCaseFromReportSchema = z.object({
  reference: referenceField,
  subject: optionalText(LIMITS.shortText, "Keep the subject under 200 characters."),
});

const emptyToUndefined = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** Assigning several reports from the queue at once: all or none (at most a page of them). */
export const bulkAssignReportsSchema = z.object({
  reportIds: z
    .preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z
        .array(z.uuid({ error: "Unknown report." }), { error: "Tick the reports to assign." })
        .min(1, "Tick the reports to assign.")
        .max(50, "Assign at most 50 reports at once."),
    )
    .transform((ids) => [...new Set(ids)]),
  assigneeId: z.uuid({ error: "Choose someone." }),
});

/** Changing the status of several reports at once from the queue: all or none. */
export const bulkReportStatusSchema = z.object({
  reportIds: z
    .preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z
        .array(z.uuid({ error: "Unknown report." }), { error: "Tick the reports to change." })
        .min(1, "Tick the reports to change.")
        .max(50, "Change at most 50 reports at once."),
    )
    .transform((ids) => [...new Set(ids)]),
  status: z.enum(SCAM_STATUSES, { error: "Choose a status from the list." }),
});

export const QUEUE_STATUS_FILTERS = ["open", "all", ...SCAM_STATUSES] as const;

export const queueFiltersSchema = z.object({
  status: emptyToUndefined(z.enum(QUEUE_STATUS_FILTERS, { error: "Choose a status from the list." })),
  assignee: emptyToUndefined(
    z.union([z.enum(["me", "none"]), z.uuid()], { error: "Choose an assignee from the list." }),
  ),
  channel: emptyToUndefined(z.enum(SCAM_CHANNELS, { error: "Choose a channel from the list." })),
  source: emptyToUndefined(z.enum(SCAM_SOURCES, { error: "Choose a source from the list." })),
  q: emptyToUndefined(
    storableString()
      .trim()
      .max(100, "Search for a phone number, sender or report reference (at most 100 characters)."),
  ),
  sort: emptyToUndefined(
    z.enum(QUEUE_SORTS, {
      error: "Reports cannot be sorted that way. Sort by newest, oldest, money lost or priority.",
    }),
  ),
  cursor: emptyToUndefined(storableString().max(200, "Invalid page link.")),
});

export type QueueFilters = Partial<z.output<typeof queueFiltersSchema>>;

export const ANALYTICS_PERIODS = [30, 90, 365] as const;

export const analyticsFiltersSchema = z.object({
  days: z.preprocess(
    (value) => (value === "" || value === undefined ? "90" : value),
    z.coerce
      .number()
      .refine(
        (value) => (ANALYTICS_PERIODS as readonly number[]).includes(value),
        "Choose 30, 90 or 365 days.",
      ),
  ),
});

/**
 * The /report link that "check a message" builds (prefill.ts): channel, number or sender, what the
 * message asked for, and the message as the start of the story. Only a convenience, so nothing in
 * it is an error: a value that does not fit is dropped, and the form validates on submit as always.
 */
export const reportPrefillSchema = z.object({
  channel: z.preprocess(firstString, z.enum(["TEXT", "EMAIL", "CALL"]).optional()).catch(undefined),
  contact: z
    .preprocess(firstString, z.string().optional())
    .transform((value) => cleanText(value ?? "").slice(0, LIMITS.phone) || undefined)
    .catch(undefined),
  asks: z
    .preprocess(
      (value): unknown[] =>
        Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value],
      z.array(z.unknown()),
    )
    .transform((asks) => [
      ...new Set(
        asks.filter(
          (ask): ask is ScamAsk => typeof ask === "string" && (SCAM_ASKS as readonly string[]).includes(ask),
        ),
      ),
    ])
    .catch([]),
  story: z
    .preprocess(firstString, z.string().optional())
    .transform((value) => cleanText(value ?? "", true).slice(0, LIMITS.story) || undefined)
    .catch(undefined),
});

export type ReportPrefill = z.infer<typeof reportPrefillSchema>;
