// The events the identity system sends to POST /api/v1/events, one zod schema per event type,
// discriminated on `type`. docs/ingest-api.md and docs/ingest-api.openapi.yaml describe the same
// shapes for client authors; lib/ingest/schemas.test.ts keeps the documented example valid.
//
// Rules that hold for every event:
// - unknown fields are refused (a misspelt optional field would otherwise vanish silently);
// - a one-time code is never accepted, under any of the names a client might give it;
// - timestamps are ISO 8601 with a zone (Z or an offset) and at most 10 minutes in the future;
// - strings are trimmed and length-capped; user agents longer than the cap are cut, not refused,
//   because losing a sign-in record over a bloated user agent would be worse than a shorter one;
// - enums are lower snake case on the wire and stored as the database's upper-case labels.
import { z } from "zod";
import type { FactorType, LoginOutcome, OtpChannel, OtpDeliveryStatus, OtpPurpose } from "@/lib/generated/prisma/enums";

export const MAX_EVENTS_PER_BATCH = 1_000;
/** Largest request body read, in bytes (1 MiB): 1,000 events of typical size fit in about half. */
export const MAX_BODY_BYTES = 1_048_576;
/** Event times may run ahead of the desk's clock by this much (clock skew), no more. */
export const MAX_FUTURE_SKEW_MS = 10 * 60_000;
export const MAX_USER_AGENT_LENGTH = 512;

/**
 * Field names that would carry a one-time code. The desk never stores codes (ARCHITECTURE: support
 * never asks for one), so an event carrying one is refused whole, with a reason that says so.
 */
export const FORBIDDEN_CODE_FIELDS: readonly string[] = ["code", "otp", "otpCode", "otp_code", "passcode", "oneTimeCode", "one_time_code"];

export const CODE_FIELD_MESSAGE =
  "Never send the one-time code: the desk does not accept or store codes. Remove this field and send the event again.";

const eventId = z
  .string({ error: "Give the event's id (a string)." })
  .regex(/^[\x21-\x7e]{1,128}$/, "Event ids are 1 to 128 printable ASCII characters without spaces.");

const timestamp = z
  .string({ error: "Give an ISO 8601 timestamp with a zone, like 2026-11-27T09:30:00Z." })
  .pipe(z.iso.datetime({ offset: true, error: "Use an ISO 8601 timestamp with a zone, like 2026-11-27T09:30:00Z or 2026-11-27T10:30:00+01:00." }))
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() <= Date.now() + MAX_FUTURE_SKEW_MS, "This time is in the future (more than 10 minutes ahead of the desk's clock).");

// PostgreSQL text cannot hold NUL: refused here as a client mistake rather than failing the insert.
const noNul = (value: string) => !value.includes("\u0000");
const NUL_MESSAGE = "Strings must not contain NUL (\\u0000) characters.";

function text(max: number, what: string) {
  return z
    .string({ error: `${what} must be a string.` })
    .trim()
    .min(1, `${what} must not be empty; leave the field out instead.`)
    .max(max, `${what} can be at most ${max} characters.`)
    .refine(noNul, NUL_MESSAGE);
}

const optionalText = (max: number, what: string) => text(max, what).nullish();

const ipAddress = z
  .string({ error: "Give an IP address (IPv4 or IPv6)." })
  .trim()
  .toLowerCase()
  .pipe(z.union([z.ipv4(), z.ipv6()], { error: "Not a valid IPv4 or IPv6 address." }))
  // An IPv4 client seen through an IPv6 socket is the same client.
  .transform((ip) => (ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip));

const country = z
  .string({ error: "Give the country as an ISO 3166-1 alpha-2 code, like GB." })
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Give the country as an ISO 3166-1 alpha-2 code, like GB.")
  .transform((code) => code.toUpperCase());

const userAgent = z
  .string({ error: "The user agent must be a string." })
  .trim()
  .refine(noNul, NUL_MESSAGE)
  .transform((value) => value.slice(0, MAX_USER_AGENT_LENGTH) || null);

const email = z
  .string({ error: "The email must be a string." })
  .trim()
  .toLowerCase()
  .max(320, "Email addresses can be at most 320 characters.")
  .regex(/^[^\s@]+@[^\s@]+$/, "Not an email address.")
  .refine(noNul, NUL_MESSAGE);

/** Lower snake case on the wire, the database's label in storage. */
function wireEnum<const Values extends readonly [string, ...string[]], Stored extends string>(values: Values, what: string) {
  return z
    .enum(values, { error: `${what} must be one of: ${values.join(", ")}.` })
    .transform((value) => value.toUpperCase() as Stored);
}

export const LOGIN_OUTCOMES = ["success", "wrong_password", "code_sent", "code_wrong", "code_expired", "locked", "blocked"] as const;
export const FACTOR_TYPES = ["password", "sms", "email", "authenticator_app", "passkey", "backup_codes"] as const;
export const OTP_PURPOSES = ["sign_in", "delivery", "payment", "factor_change", "recovery"] as const;
export const OTP_CHANNELS = ["sms", "email", "voice"] as const;
export const OTP_STATUSES = ["queued", "sent", "delivered", "failed"] as const;

/**
 * The customer an event is about, as the identity system knows them. `externalId` (the identity
 * system's own id) decides when given; `email` is matched only when there is no externalId.
 */
const customerReference = z
  .strictObject(
    {
      externalId: text(128, "customer.externalId").optional(),
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
    outcome: wireEnum<typeof LOGIN_OUTCOMES, LoginOutcome>(LOGIN_OUTCOMES, "outcome"),
    factor: wireEnum<typeof FACTOR_TYPES, FactorType>(FACTOR_TYPES, "factor").nullish(),
    customer: customerReference.nullish(),
    /** What the person typed as their login; kept even when it names no account (stuffing). */
    identifier: optionalText(320, "identifier").transform((value) => value?.toLowerCase()),
    flowId: optionalText(128, "flowId"),
    ip: ipAddress,
    country: country.nullish(),
    city: optionalText(120, "city"),
    latitude: z.number({ error: "latitude must be a number." }).min(-90, "latitude must be between -90 and 90.").max(90, "latitude must be between -90 and 90.").nullish(),
    longitude: z
      .number({ error: "longitude must be a number." })
      .min(-180, "longitude must be between -180 and 180.")
      .max(180, "longitude must be between -180 and 180.")
      .nullish(),
    deviceId: optionalText(128, "deviceId"),
    userAgent: userAgent.nullish(),
  })
  .refine((event) => event.customer || event.identifier, {
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
    purpose: wireEnum<typeof OTP_PURPOSES, OtpPurpose>(OTP_PURPOSES, "purpose"),
    channel: wireEnum<typeof OTP_CHANNELS, OtpChannel>(OTP_CHANNELS, "channel"),
    customer: customerReference,
    /** Shown to agents as is: it must already be masked ("+44 •••• ••• 123", "j•••@example.com"). */
    destinationMasked: text(64, "destinationMasked").refine(
      (value) => /[•*…]/.test(value),
      "destinationMasked must be masked (for example \"+44 •••• ••• 123\" or \"j•••@example.com\"): the desk never stores a full phone number or address of a code delivery.",
    ),
    status: wireEnum<typeof OTP_STATUSES, OtpDeliveryStatus>(OTP_STATUSES, "status"),
    statusReason: optionalText(500, "statusReason"),
    expiresAt: timestamp.nullish(),
    usedAt: timestamp.nullish(),
    flowId: optionalText(128, "flowId"),
    requestIp: ipAddress.nullish(),
    requestCountry: country.nullish(),
    requestDeviceId: optionalText(128, "requestDeviceId"),
    requestUserAgent: userAgent.nullish(),
  })
  .refine((event) => !event.expiresAt || event.expiresAt > event.sentAt, { message: "expiresAt must be after sentAt.", path: ["expiresAt"] })
  .refine((event) => !event.usedAt || event.usedAt >= event.sentAt, { message: "usedAt cannot be before sentAt.", path: ["usedAt"] });

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
  const claimedId = isRecord(raw) && typeof raw.eventId === "string" && eventId.safeParse(raw.eventId).success ? raw.eventId : undefined;
  if (isRecord(raw)) {
    const codeFields = FORBIDDEN_CODE_FIELDS.filter((field) => Object.hasOwn(raw, field));
    if (codeFields.length > 0) {
      return { ok: false, eventId: claimedId, errors: codeFields.map((field) => ({ field, message: CODE_FIELD_MESSAGE })) };
    }
  }
  const parsed = ingestEventSchema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  return {
    ok: false,
    eventId: claimedId,
    errors: parsed.error.issues.map((issue) => ({
      field: fieldOf(issue),
      message: issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.` : issue.message,
    })),
  };
}

/** "customer.email", or "event" for problems with the event as a whole (unknown fields, not an object). */
function fieldOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join(".") || "event";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
