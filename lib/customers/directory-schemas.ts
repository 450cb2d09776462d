// Directory events: how the identity system tells the desk who its customers are and what changed
// on their accounts (POST /api/v1/events with the directory:write scope, and `npm run
// directory:import`). Same rules as the activity events (lib/ingest/schemas.ts): unknown fields
// refused, NUL refused, codes refused, ISO timestamps with a zone, lower-case enums on the wire.
//
// Ordering: every event carries the identity system's `occurredAt` and may carry a `version` (a
// counter per entity). Events arrive out of order; the desk applies one only when its
// (occurredAt, version) is newer than what the entity last got, so an older event never
// overwrites a newer state (lib/customers/directory.ts).
import { isIP } from "node:net";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";

export const DIRECTORY_EVENT_TYPES = [
  "customer_upserted",
  "customer_erased",
  "factor_enrolled",
  "factor_removed",
  "session_started",
  "session_ended",
  "contact_changed",
  "account_status_changed",
  "caller_verification_answered",
] as const;

export type DirectoryEventType = (typeof DIRECTORY_EVENT_TYPES)[number];

export function isDirectoryEventType(type: unknown): type is DirectoryEventType {
  return typeof type === "string" && (DIRECTORY_EVENT_TYPES as readonly string[]).includes(type);
}

const MAX_FUTURE_SKEW_MS = 10 * 60_000;
const TIMESTAMP_MESSAGE =
  "Use an ISO 8601 timestamp with a zone, like 2026-11-27T09:30:00Z, from the year 2000 on and at most 10 minutes ahead of the desk's clock.";

const text = (what: string, max: number) =>
  storableString({ error: `${what} must be a string.` })
    .refine((value) => value.trim().length > 0, `${what} must not be blank.`)
    .refine((value) => value.length <= max, `${what} can be at most ${max} characters.`);

// zod's own ISO pattern (month lengths, leap years), built once: a schema per call costs more than the check.
const ISO_DATETIME = z.core.regexes.datetime({ offset: true, local: false, precision: undefined });

const timestamp = (what: string) =>
  z.string({ error: `${what} must be a string.` }).refine((value) => {
    if (!ISO_DATETIME.test(value)) return false;
    const ms = Date.parse(value);
    return ms >= Date.UTC(2000, 0, 1) && ms <= Date.now() + MAX_FUTURE_SKEW_MS;
  }, `${what}: ${TIMESTAMP_MESSAGE}`);

const eventId = z
  .string({ error: "eventId must be a string." })
  .regex(/^[\x21-\x7e]{1,128}$/, "Event ids are 1 to 128 printable ASCII characters without spaces.");

const version = z
  .number({ error: "version must be a whole number." })
  .int("version must be a whole number.")
  .min(0, "version cannot be negative.")
  .max(Number.MAX_SAFE_INTEGER, "version is too large.")
  .optional();

const externalId = text("customer.externalId", 128);
const customerRef = z.strictObject({ externalId }, { error: "customer must be { externalId }." });

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const email = (what: string) =>
  storableString({ error: `${what} must be a string.` })
    .trim()
    .max(320)
    .regex(EMAIL, `${what} is not an email address.`);
const phone = (what: string) =>
  z
    .string({ error: `${what} must be a string.` })
    .trim()
    .regex(PHONE, `${what} must be an E.164 number, like +447700900123.`);
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "Give the country as an ISO 3166-1 alpha-2 code, like GB.")
  .transform((value) => value.toUpperCase());
const MASKED = /[•*…]/;

const FACTOR_TYPES = ["sms", "email", "authenticator_app", "passkey", "backup_codes"] as const;

const base = { eventId, occurredAt: timestamp("occurredAt"), version };

export const customerUpsertedSchema = z.strictObject({
  type: z.literal("customer_upserted"),
  ...base,
  customer: z.strictObject(
    {
      externalId,
      name: text("customer.name", 200),
      email: email("customer.email"),
      phone: phone("customer.phone").nullish(),
      country: country.nullish(),
      status: z.enum(["active", "locked", "disabled", "closed"], {
        error: "customer.status must be one of: active, locked, disabled, closed.",
      }),
      createdAt: timestamp("customer.createdAt"),
    },
    { error: "customer must be an object." },
  ),
});

const customerErasedSchema = z.strictObject({
  type: z.literal("customer_erased"),
  ...base,
  customer: customerRef,
});

const factor = z.strictObject(
  {
    id: text("factor.id", 128),
    type: z.enum(FACTOR_TYPES, { error: `factor.type must be one of: ${FACTOR_TYPES.join(", ")}.` }),
    destinationMasked: storableString()
      .max(64)
      .refine(
        (value) => MASKED.test(value),
        "factor.destinationMasked must be masked, like +44 •••• ••• 123.",
      )
      .nullish(),
    label: text("factor.label", 80).nullish(),
  },
  { error: "factor must be an object." },
);

const factorEnrolledSchema = z.strictObject({
  type: z.literal("factor_enrolled"),
  ...base,
  customer: customerRef,
  factor,
});

const factorRemovedSchema = z.strictObject({
  type: z.literal("factor_removed"),
  ...base,
  customer: customerRef,
  factor,
});

const session = z.strictObject(
  {
    id: text("session.id", 128),
    ip: z
      .string()
      .max(64)
      .refine((value) => isIpAddress(value), "session.ip is not an IP address.")
      .nullish(),
    country: country.nullish(),
    city: text("session.city", 120).nullish(),
    deviceId: text("session.deviceId", 128).nullish(),
    deviceLabel: text("session.deviceLabel", 120).nullish(),
    userAgent: storableString()
      .transform((value) => value.slice(0, 512))
      .nullish(),
  },
  { error: "session must be an object." },
);

const sessionStartedSchema = z.strictObject({
  type: z.literal("session_started"),
  ...base,
  customer: customerRef,
  session,
});

const sessionEndedSchema = z.strictObject({
  type: z.literal("session_ended"),
  ...base,
  customer: customerRef,
  session: z.strictObject({ id: text("session.id", 128) }, { error: "session must be { id }." }),
  reason: text("reason", 200).nullish(),
});

const contactChangedSchema = z
  .strictObject({
    type: z.literal("contact_changed"),
    ...base,
    customer: customerRef,
    field: z.enum(["email", "phone", "password"], { error: "field must be one of: email, phone, password." }),
    /** Email and phone only: kept encrypted, offered to support as the contact to trust. */
    previousValue: storableString().max(320).nullish(),
    newValue: storableString().max(320).nullish(),
    ip: z
      .string()
      .max(64)
      .refine((value) => isIpAddress(value), "ip is not an IP address.")
      .nullish(),
    deviceId: text("deviceId", 128).nullish(),
  })
  .superRefine((event, ctx) => {
    const check = (value: string | null | undefined, path: "previousValue" | "newValue") => {
      if (event.field === "password") {
        if (value != null)
          ctx.addIssue({
            code: "custom",
            path: [path],
            message: "Never send passwords: leave this out for field=password.",
          });
        return;
      }
      if (value == null) {
        if (path === "newValue")
          ctx.addIssue({ code: "custom", path: [path], message: `Give the ${event.field} set.` });
        return;
      }
      const ok = event.field === "email" ? EMAIL.test(value.trim()) : PHONE.test(value.trim());
      if (!ok)
        ctx.addIssue({
          code: "custom",
          path: [path],
          message:
            event.field === "email" ? "Not an email address." : "Not an E.164 number, like +447700900123.",
        });
    };
    check(event.previousValue, "previousValue");
    check(event.newValue, "newValue");
  });

const accountStatusChangedSchema = z.strictObject({
  type: z.literal("account_status_changed"),
  ...base,
  customer: customerRef,
  status: z.enum(["active", "locked", "disabled"], {
    error: "status must be one of: active, locked, disabled.",
  }),
  reason: text("reason", 200).nullish(),
});

/** The customer answered the desk's "is it you on the phone?" prompt in your app. */
const callerVerificationAnsweredSchema = z.strictObject({
  type: z.literal("caller_verification_answered"),
  ...base,
  customer: customerRef,
  verificationId: z.uuid({ error: "verificationId must be the id the desk sent in the prompt's detail." }),
  answer: z.enum(["yes", "no"], { error: "answer must be yes or no." }),
});

export const directoryEventSchema = z.discriminatedUnion(
  "type",
  [
    customerUpsertedSchema,
    customerErasedSchema,
    factorEnrolledSchema,
    factorRemovedSchema,
    sessionStartedSchema,
    sessionEndedSchema,
    contactChangedSchema,
    accountStatusChangedSchema,
    callerVerificationAnsweredSchema,
  ],
  { error: `type must be one of: ${DIRECTORY_EVENT_TYPES.join(", ")}.` },
);

export type DirectoryEvent = z.infer<typeof directoryEventSchema>;

function isIpAddress(value: string): boolean {
  return isIP(value.trim()) !== 0;
}
