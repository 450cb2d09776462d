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
// These schemas only check; they do not transform. zod transforms cost about a microsecond and a
// half each, and a batch has 1,000 events of ~15 fields: normalising (trimming, lower-casing, enum
// labels) in plain code when the rows are built (event-rows.ts) halved the validation time of a
// batch. Timestamps stay the validated strings: PostgreSQL parses them, and every string that
// passes here is one it accepts (schemas.test.ts and write-events.test.ts check the edge cases).
import { isIP } from "node:net";
import { z } from "zod";

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
export const FORBIDDEN_CODE_FIELDS: readonly string[] = ["code", "otp", "otpCode", "otp_code", "passcode", "oneTimeCode", "one_time_code"];

export const CODE_FIELD_MESSAGE =
  "Never send the one-time code: the desk does not accept or store codes. Remove this field and send the event again.";

const NUL_MESSAGE = "Strings must not contain NUL (\\u0000) characters.";

const eventId = z
  .string({ error: "Give the event's id (a string)." })
  .regex(/^[\x21-\x7e]{1,128}$/, "Event ids are 1 to 128 printable ASCII characters without spaces.");

const TIMESTAMP_MESSAGE =
  "Use an ISO 8601 timestamp with a zone, like 2026-11-27T09:30:00Z or 2026-11-27T10:30:00+01:00, from the year 2000 on and at most 10 minutes ahead of the desk's clock.";

// Offsets beyond ±14:00 exist nowhere (and PostgreSQL refuses some of them).
const OFFSET = /([+-])(\d{2}):?(\d{2})$/;

function isEventTime(value: string): boolean {
  const ms = Date.parse(value);
  if (!(ms >= EARLIEST_EVENT_MS && ms <= Date.now() + MAX_FUTURE_SKEW_MS)) return false;
  const offset = OFFSET.exec(value);
  return !offset || Number(offset[2]) * 60 + Number(offset[3]) <= 14 * 60;
}

// zod's datetime format knows month lengths and leap years (2026-02-29 is refused).
const timestamp = z.iso.datetime({ offset: true, error: TIMESTAMP_MESSAGE, abort: true }).refine(isEventTime, TIMESTAMP_MESSAGE);

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be a string.` }).max(max, `${what} can be at most ${max} characters.`);

const ipAddress = z
  .string({ error: "Give an IP address (IPv4 or IPv6)." })
  .max(64, "Not a valid IPv4 or IPv6 address.")
  .refine((value) => isIP(value.trim()) !== 0, "Not a valid IPv4 or IPv6 address.");

const country = z.string({ error: "Give the country as an ISO 3166-1 alpha-2 code, like GB." }).regex(/^[A-Za-z]{2}$/, "Give the country as an ISO 3166-1 alpha-2 code, like GB.");

const email = text(320, "The email").regex(/^\s*[^\s@]+@[^\s@]+\s*$/, "Not an email address.");

export const LOGIN_OUTCOMES = ["success", "wrong_password", "code_sent", "code_wrong", "code_expired", "locked", "blocked"] as const;
export const FACTOR_TYPES = ["password", "sms", "email", "authenticator_app", "passkey", "backup_codes"] as const;
export const OTP_PURPOSES = ["sign_in", "delivery", "payment", "factor_change", "recovery"] as const;
export const OTP_CHANNELS = ["sms", "email", "voice"] as const;
export const OTP_STATUSES = ["queued", "sent", "delivered", "failed"] as const;

const wireEnum = <const Values extends readonly [string, ...string[]]>(values: Values, what: string) =>
  z.enum(values, { error: `${what} must be one of: ${values.join(", ")}.` });

/**
 * The customer an event is about, as the identity system knows them. `externalId` (the identity
 * system's own id) decides when given; `email` is matched only when there is no externalId.
 */
const customerReference = z
  .strictObject(
    {
      externalId: text(128, "customer.externalId").regex(/\S/, "customer.externalId must not be blank.").optional(),
      email: email.optional(),
    },
    { error: "customer must be an object with externalId and/or email." },
  )
  .refine((ref) => ref.externalId !== undefined || ref.email !== undefined, "Give customer.externalId, customer.email or both.");

export type CustomerReference = z.infer<typeof customerReference>;

export const loginAttemptEventSchema = z
  .strictObject({
    type: z.literal("login_attempt"),
    eventId,
    occurredAt: timestamp,
    outcome: wireEnum(LOGIN_OUTCOMES, "outcome"),
    factor: wireEnum(FACTOR_TYPES, "factor").nullish(),
    customer: customerReference.nullish(),
    /** What the person typed as their login; kept even when it names no account (stuffing). */
    identifier: text(320, "identifier").nullish(),
    flowId: text(128, "flowId").nullish(),
    ip: ipAddress,
    country: country.nullish(),
    city: text(120, "city").nullish(),
    latitude: z.number({ error: "latitude must be a number." }).min(-90, "latitude must be between -90 and 90.").max(90, "latitude must be between -90 and 90.").nullish(),
    longitude: z
      .number({ error: "longitude must be a number." })
      .min(-180, "longitude must be between -180 and 180.")
      .max(180, "longitude must be between -180 and 180.")
      .nullish(),
    deviceId: text(128, "deviceId").nullish(),
    /** Cut to MAX_USER_AGENT_LENGTH when stored. */
    userAgent: z.string({ error: "userAgent must be a string." }).nullish(),
  })
  .refine((event) => event.customer || event.identifier?.trim(), {
    message: "Give customer (externalId and/or email), identifier, or both: an attempt must say which account it was for.",
    path: ["customer"],
  })
  .refine((event) => (event.latitude == null) === (event.longitude == null), {
    message: "Give latitude and longitude together, or neither.",
    path: ["latitude"],
  });

export const otpDeliveryEventSchema = z
  .strictObject({
    type: z.literal("otp_delivery"),
    eventId,
    sentAt: timestamp,
    purpose: wireEnum(OTP_PURPOSES, "purpose"),
    channel: wireEnum(OTP_CHANNELS, "channel"),
    customer: customerReference,
    /** Shown to agents as is: it must already be masked ("+44 •••• ••• 123", "j•••@example.com"). */
    destinationMasked: text(64, "destinationMasked").regex(
      /[•*…]/,
      'destinationMasked must be masked (for example "+44 •••• ••• 123" or "j•••@example.com"): the desk never stores a full phone number or address of a code delivery.',
    ),
    status: wireEnum(OTP_STATUSES, "status"),
    statusReason: text(500, "statusReason").nullish(),
    expiresAt: timestamp.nullish(),
    usedAt: timestamp.nullish(),
    flowId: text(128, "flowId").nullish(),
    requestIp: ipAddress.nullish(),
    requestCountry: country.nullish(),
    requestDeviceId: text(128, "requestDeviceId").nullish(),
    /** Cut to MAX_USER_AGENT_LENGTH when stored. */
    requestUserAgent: z.string({ error: "requestUserAgent must be a string." }).nullish(),
  })
  .refine((event) => !event.expiresAt || Date.parse(event.expiresAt) > Date.parse(event.sentAt), { message: "expiresAt must be after sentAt.", path: ["expiresAt"] })
  .refine((event) => !event.usedAt || Date.parse(event.usedAt) >= Date.parse(event.sentAt), { message: "usedAt cannot be before sentAt.", path: ["usedAt"] });

export const ingestEventSchema = z.discriminatedUnion("type", [loginAttemptEventSchema, otpDeliveryEventSchema], {
  error: 'type must be "login_attempt" or "otp_delivery".',
});

export type LoginAttemptEvent = z.infer<typeof loginAttemptEventSchema>;
export type OtpDeliveryEvent = z.infer<typeof otpDeliveryEventSchema>;
export type IngestEvent = z.infer<typeof ingestEventSchema>;

/** The request body's envelope; each event is validated on its own afterwards. */
export const batchEnvelopeSchema = z.strictObject(
  {
    events: z
      .array(z.unknown(), { error: "events must be an array of events." })
      .min(1, "Send at least one event.")
      .max(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events per request; split larger batches.`),
  },
  { error: 'The body must be a JSON object: { "events": [ ... ] }.' },
);

export type FieldError = { field: string; message: string };

export type EventValidation = { ok: true; event: IngestEvent } | { ok: false; eventId?: string; errors: FieldError[] };

/** Validates one element of `events`; never throws, whatever it is given. */
export function validateEvent(raw: unknown): EventValidation {
  if (!isRecord(raw)) return { ok: false, errors: [{ field: "event", message: "Each event must be a JSON object." }] };
  const refused = refusedFields(raw);
  if (refused.length > 0) return { ok: false, eventId: claimedEventId(raw), errors: refused };

  const parsed = ingestEventSchema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  return {
    ok: false,
    eventId: claimedEventId(raw),
    errors: parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join(".") || "event",
      message: issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.` : issue.message,
    })),
  };
}

/** The event's id for the rejection report, when it is a well-formed one. */
function claimedEventId(raw: Record<string, unknown>): string | undefined {
  return typeof raw.eventId === "string" && eventId.safeParse(raw.eventId).success ? raw.eventId : undefined;
}

/** Code fields, and strings with NUL (PostgreSQL text cannot hold it: a client mistake, not a failed insert). */
function refusedFields(raw: Record<string, unknown>): FieldError[] {
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
        if (typeof innerValue === "string" && innerValue.includes("\u0000")) (refused ??= []).push({ field: `${field}.${inner}`, message: NUL_MESSAGE });
      }
    }
  }
  return refused ?? NONE;
}

const NONE: FieldError[] = [];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
