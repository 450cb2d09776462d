// The events the identity system sends to POST /api/v1/events, one zod schema per event type,
// discriminated on `type`. docs/ingest-api.md and docs/ingest-api.openapi.yaml describe the same
// shapes for client authors; lib/ingest/schemas.test.ts keeps the documented example valid.
//
// Rules that hold for every event:
// - unknown fields are refused (a misspelt optional field would otherwise vanish silently);
// - a one-time code is never accepted, under any of the names a client might give it;
// - timestamps are ISO 8601 with a zone (Z or an offset), from 2000 on and at most 10 minutes in
//   the future;
// - strings are length-capped and free of NUL characters; user agents longer than the cap are cut,
//   not refused, because losing a sign-in record over a bloated user agent would be worse;
// - enums are lower snake case on the wire and stored as the database's upper-case labels.
//
// Shape for speed: a batch is 1,000 events of ~15 fields, validated on the request's hot path.
// zod checks the structure (types, enums, required and unknown fields); the value rules (lengths,
// formats, ranges, cross-field rules) are one table per event type, run by a single superRefine.
// Measured per 1,000 events, a zod transform costs ~1.5 ms and a zod check ~0.25 ms, so chained
// .max()/.regex()/.refine() on every field cost several times the table. Nothing is transformed
// here: normalising (trimming, lower-casing, enum labels) happens when rows are built
// (event-rows.ts). Value rules run once the structure is right, so a batch with type errors may
// show its value errors only on the next attempt.
import { isIP } from "node:net";
import { z } from "zod";
import { stripBidiControls } from "@/lib/forms/storable-text";
import {
  FactorType,
  LoginOutcome,
  OtpChannel,
  OtpDeliveryStatus,
  OtpPurpose,
} from "@/lib/generated/prisma/enums";

export const MAX_EVENTS_PER_BATCH = 1_000;
/** Largest request body read, in bytes (1 MiB): 1,000 events of typical size fit in about half. */
export const MAX_BODY_BYTES = 1_048_576;
/** Event times may run ahead of the desk's clock by this much (clock skew), no more. */
export const MAX_FUTURE_SKEW_MS = 10 * 60_000;
const EARLIEST_EVENT_MS = Date.UTC(2000, 0, 1);
export const MAX_USER_AGENT_LENGTH = 512;

/**
 * Field names that would carry a one-time code. The desk never stores codes (ARCHITECTURE: support
 * never asks for one), so an event carrying one is refused whole, with a reason that says so.
 */
export const FORBIDDEN_CODE_FIELDS: readonly string[] = [
  "code",
  "otp",
  "otpCode",
  "otp_code",
  "passcode",
  "oneTimeCode",
  "one_time_code",
];

export const CODE_FIELD_MESSAGE =
  "Never send the one-time code: the desk does not accept or store codes. Remove this field and send the event again.";

const NUL_MESSAGE = "Strings must not contain NUL (\\u0000) characters.";

const EVENT_ID = /^[\x21-\x7e]{1,128}$/;
const EVENT_ID_MESSAGE = "Event ids are 1 to 128 printable ASCII characters without spaces.";

const TIMESTAMP_MESSAGE =
  "Use an ISO 8601 timestamp with a zone, like 2026-11-27T09:30:00Z or 2026-11-27T10:30:00+01:00, from the year 2000 on and at most 10 minutes ahead of the desk's clock.";

// zod's own datetime pattern (z.iso.datetime): knows month lengths and leap years (2026-02-29 is refused).
const ISO_DATETIME = z.core.regexes.datetime({ offset: true, local: false, precision: undefined });
// Offsets beyond ±14:00 exist nowhere (and PostgreSQL refuses some of them).
const OFFSET = /([+-])(\d{2}):?(\d{2})$/;

function isEventTime(value: string): boolean {
  if (!ISO_DATETIME.test(value)) return false;
  const ms = Date.parse(value);
  if (!(ms >= EARLIEST_EVENT_MS && ms <= Date.now() + MAX_FUTURE_SKEW_MS)) return false;
  const offset = OFFSET.exec(value);
  return !offset || Number(offset[2]) * 60 + Number(offset[3]) <= 14 * 60;
}

const COUNTRY = /^[A-Za-z]{2}$/;
const COUNTRY_MESSAGE = "Give the country as an ISO 3166-1 alpha-2 code, like GB.";
const IP_MESSAGE = "Not a valid IPv4 or IPv6 address.";
const EMAIL = /^\s*[^\s@]+@[^\s@]+\s*$/;
const MASKED = /[•*…]/;

const isIp = (value: string) => value.length <= 64 && isIP(value.trim()) !== 0;
const within = (min: number, max: number) => (value: number) => value >= min && value <= max;
const atMost = (max: number) => (value: string) => value.length <= max;

/**
 * A value rule, checked when the field holds a value of its type (a missing field or one of the
 * wrong type is zod's to report).
 */
type FieldRule = {
  field: string;
  type: "string" | "number";
  valid: (value: never) => boolean;
  message: string;
};

const rule = (field: string, valid: (value: string) => boolean, message: string): FieldRule => ({
  field,
  type: "string",
  valid,
  message,
});
const numberRule = (field: string, valid: (value: number) => boolean, message: string): FieldRule => ({
  field,
  type: "number",
  valid,
  message,
});
const maxLength = (field: string, max: number): FieldRule =>
  rule(field, atMost(max), `${field} can be at most ${max} characters.`);

/** Adds an issue, at the field's path, for each field that breaks its rule. */
function checkFields(rules: readonly FieldRule[], value: unknown, ctx: z.RefinementCtx): void {
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  for (const { field, type, valid, message } of rules) {
    const fieldValue = record[field];
    if (typeof fieldValue === type && !(valid as (value: unknown) => boolean)(fieldValue)) {
      ctx.addIssue({ code: "custom", path: [field], message });
    }
  }
}

/**
 * The value rules run even when zod found structural problems (an unknown field, a bad enum), so
 * one answer lists every problem of an event; they read the possibly malformed value defensively.
 */
const ALWAYS = { when: () => true };

const stringOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

// Bidirectional controls are removed from every string, as from all stored text (lib/forms/storable-text.ts).
const str = (what: string) => z.string({ error: `${what} must be a string.` }).overwrite(stripBidiControls);
const num = (what: string) => z.number({ error: `${what} must be a number.` });

/** The wire spells the database's enum values in lower case: one list (the schema's), two spellings. */
function wireValues<Value extends string>(
  databaseEnum: Record<string, Value>,
): readonly [Lowercase<Value>, ...Lowercase<Value>[]] {
  return Object.values(databaseEnum).map((value) => value.toLowerCase() as Lowercase<Value>) as [
    Lowercase<Value>,
    ...Lowercase<Value>[],
  ];
}

export const WIRE_LOGIN_OUTCOMES = wireValues(LoginOutcome);
export const WIRE_FACTOR_TYPES = wireValues(FactorType);
export const WIRE_OTP_PURPOSES = wireValues(OtpPurpose);
export const WIRE_OTP_CHANNELS = wireValues(OtpChannel);
export const WIRE_OTP_STATUSES = wireValues(OtpDeliveryStatus);

const wireEnum = <const Values extends readonly [string, ...string[]]>(values: Values, what: string) =>
  z.enum(values, { error: `${what} must be one of: ${values.join(", ")}.` });

const CUSTOMER_RULES: readonly FieldRule[] = [
  rule(
    "externalId",
    (value) => value.length <= 128 && /\S/.test(value),
    "customer.externalId must be 1 to 128 characters, not blank.",
  ),
  rule(
    "email",
    (value) => value.length <= 320 && EMAIL.test(value),
    "customer.email is not an email address (at most 320 characters).",
  ),
];

/**
 * The customer an event is about, as the identity system knows them. `externalId` (the identity
 * system's own id) decides when given; `email` is matched only when there is no externalId.
 */
const customerReference = z
  .strictObject(
    { externalId: str("customer.externalId").optional(), email: str("customer.email").optional() },
    {
      error: "customer must be an object with externalId and/or email.",
    },
  )
  .superRefine((ref: unknown, ctx) => {
    // With ALWAYS this also runs for a missing or malformed customer, which zod has already reported.
    if (typeof ref !== "object" || ref === null) return;
    const { externalId, email } = ref as Record<string, unknown>;
    if (externalId === undefined && email === undefined)
      ctx.addIssue({ code: "custom", message: "Give customer.externalId, customer.email or both." });
    checkFields(CUSTOMER_RULES, ref, ctx);
  }, ALWAYS);

export type CustomerReference = z.infer<typeof customerReference>;

const LOGIN_ATTEMPT_RULES: readonly FieldRule[] = [
  rule("eventId", (value) => EVENT_ID.test(value), EVENT_ID_MESSAGE),
  rule("occurredAt", isEventTime, TIMESTAMP_MESSAGE),
  maxLength("identifier", 320),
  maxLength("flowId", 128),
  rule("ip", isIp, IP_MESSAGE),
  rule("country", (value) => COUNTRY.test(value), COUNTRY_MESSAGE),
  maxLength("city", 120),
  numberRule("latitude", within(-90, 90), "latitude must be between -90 and 90."),
  numberRule("longitude", within(-180, 180), "longitude must be between -180 and 180."),
  maxLength("deviceId", 128),
];

export const loginAttemptEventSchema = z
  .strictObject({
    type: z.literal("login_attempt"),
    eventId: str("eventId"),
    occurredAt: str("occurredAt"),
    outcome: wireEnum(WIRE_LOGIN_OUTCOMES, "outcome"),
    factor: wireEnum(WIRE_FACTOR_TYPES, "factor").nullish(),
    customer: customerReference.nullish(),
    /** What the person typed as their login; kept even when it names no account (stuffing). */
    identifier: str("identifier").nullish(),
    flowId: str("flowId").nullish(),
    ip: str("ip"),
    country: str("country").nullish(),
    city: str("city").nullish(),
    latitude: num("latitude").nullish(),
    longitude: num("longitude").nullish(),
    deviceId: str("deviceId").nullish(),
    /** Cut to MAX_USER_AGENT_LENGTH when stored. */
    userAgent: str("userAgent").nullish(),
  })
  .superRefine((event, ctx) => {
    checkFields(LOGIN_ATTEMPT_RULES, event, ctx);
    if (!event.customer && !stringOf(event.identifier)?.trim()) {
      ctx.addIssue({
        code: "custom",
        path: ["customer"],
        message:
          "Give customer (externalId and/or email), identifier, or both: an attempt must say which account it was for.",
      });
    }
    if ((event.latitude == null) !== (event.longitude == null)) {
      ctx.addIssue({
        code: "custom",
        path: ["latitude"],
        message: "Give latitude and longitude together, or neither.",
      });
    }
  }, ALWAYS);

const OTP_DELIVERY_RULES: readonly FieldRule[] = [
  rule("eventId", (value) => EVENT_ID.test(value), EVENT_ID_MESSAGE),
  rule("sentAt", isEventTime, TIMESTAMP_MESSAGE),
  rule(
    "destinationMasked",
    (value) => value.length <= 64 && MASKED.test(value),
    'destinationMasked must be masked (for example "+44 •••• ••• 123" or "j•••@example.com"), at most 64 characters: the desk never stores a full phone number or address of a code delivery.',
  ),
  maxLength("statusReason", 500),
  rule("expiresAt", isEventTime, TIMESTAMP_MESSAGE),
  rule("usedAt", isEventTime, TIMESTAMP_MESSAGE),
  maxLength("flowId", 128),
  rule("requestIp", isIp, IP_MESSAGE),
  rule("requestCountry", (value) => COUNTRY.test(value), COUNTRY_MESSAGE),
  maxLength("requestDeviceId", 128),
];

export const otpDeliveryEventSchema = z
  .strictObject({
    type: z.literal("otp_delivery"),
    eventId: str("eventId"),
    sentAt: str("sentAt"),
    purpose: wireEnum(WIRE_OTP_PURPOSES, "purpose"),
    channel: wireEnum(WIRE_OTP_CHANNELS, "channel"),
    customer: customerReference,
    /** Shown to agents as is: it must already be masked ("+44 •••• ••• 123", "j•••@example.com"). */
    destinationMasked: str("destinationMasked"),
    status: wireEnum(WIRE_OTP_STATUSES, "status"),
    statusReason: str("statusReason").nullish(),
    expiresAt: str("expiresAt").nullish(),
    usedAt: str("usedAt").nullish(),
    flowId: str("flowId").nullish(),
    requestIp: str("requestIp").nullish(),
    requestCountry: str("requestCountry").nullish(),
    requestDeviceId: str("requestDeviceId").nullish(),
    /** Cut to MAX_USER_AGENT_LENGTH when stored. */
    requestUserAgent: str("requestUserAgent").nullish(),
  })
  .superRefine((event, ctx) => {
    checkFields(OTP_DELIVERY_RULES, event, ctx);
    const sent = Date.parse(stringOf(event.sentAt) ?? "");
    const expires = stringOf(event.expiresAt);
    const used = stringOf(event.usedAt);
    if (Number.isNaN(sent)) return;
    if (expires && !(Date.parse(expires) > sent))
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "expiresAt must be after sentAt." });
    if (used && !(Date.parse(used) >= sent))
      ctx.addIssue({ code: "custom", path: ["usedAt"], message: "usedAt cannot be before sentAt." });
  }, ALWAYS);

export const ingestEventSchema = z.discriminatedUnion(
  "type",
  [loginAttemptEventSchema, otpDeliveryEventSchema],
  {
    error:
      'type must be "login_attempt" or "otp_delivery", or a directory event type (customer_upserted, customer_erased, factor_enrolled, factor_removed, session_started, session_ended, contact_changed, account_status_changed, caller_verification_answered).',
  },
);

export type LoginAttemptEvent = z.infer<typeof loginAttemptEventSchema>;
export type OtpDeliveryEvent = z.infer<typeof otpDeliveryEventSchema>;
export type IngestEvent = z.infer<typeof ingestEventSchema>;

/** The request body's envelope; each event is validated on its own afterwards. */
export const batchEnvelopeSchema = z.strictObject(
  {
    events: z
      .array(z.unknown(), { error: "events must be an array of events." })
      .min(1, "Send at least one event.")
      .max(
        MAX_EVENTS_PER_BATCH,
        `Send at most ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events per request; split larger batches.`,
      ),
  },
  { error: 'The body must be a JSON object: { "events": [ ... ] }.' },
);

export type FieldError = { field: string; message: string };

export type EventValidation =
  { ok: true; event: IngestEvent } | { ok: false; eventId?: string; errors: FieldError[] };

/** Validates one element of `events`; never throws, whatever it is given. */
export function validateEvent(raw: unknown): EventValidation {
  if (!isRecord(raw))
    return { ok: false, errors: [{ field: "event", message: "Each event must be a JSON object." }] };
  const refused = refusedFields(raw);
  if (refused.length > 0) return { ok: false, eventId: claimedEventId(raw), errors: refused };

  const parsed = ingestEventSchema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  return {
    ok: false,
    eventId: claimedEventId(raw),
    errors: fieldErrorsOf(parsed.error.issues),
  };
}

/** zod's issues as the API's per-field errors (one wording for activity and directory events). */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "event",
    message:
      issue.code === "unrecognized_keys"
        ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`
        : issue.message,
  }));
}

/** The event's id for the rejection report, when it is a well-formed one. */
export function claimedEventId(raw: Record<string, unknown>): string | undefined {
  return typeof raw.eventId === "string" && EVENT_ID.test(raw.eventId) ? raw.eventId : undefined;
}

/** Code fields, and strings with NUL (PostgreSQL text cannot hold it: a client mistake, not a failed insert). */
export function refusedFields(raw: Record<string, unknown>): FieldError[] {
  let refused: FieldError[] | undefined;
  for (const field of FORBIDDEN_CODE_FIELDS) {
    if (Object.hasOwn(raw, field)) (refused ??= []).push({ field, message: CODE_FIELD_MESSAGE });
  }
  for (const field in raw) {
    const value = raw[field];
    if (typeof value === "string") {
      if (value.includes("\u0000")) (refused ??= []).push({ field, message: NUL_MESSAGE });
    } else if (isRecord(value)) {
      for (const inner in value) {
        const innerValue = value[inner];
        if (typeof innerValue === "string" && innerValue.includes("\u0000"))
          (refused ??= []).push({ field: `${field}.${inner}`, message: NUL_MESSAGE });
      }
    }
  }
  return refused ?? NONE;
}

const NONE: FieldError[] = [];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
