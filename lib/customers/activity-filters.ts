// Filters for the login-attempt timeline and the OTP delivery log, parsed from the URL so every
// filtered view is a shareable deep link. Invalid values are reported, never a 500.
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { isCalendarDate } from "@/lib/http/search-params";
import { LoginOutcome, OtpChannel, OtpDeliveryStatus, OtpPurpose } from "@/lib/generated/prisma/enums";

const dateOnly = z
  .string()
  .refine(isCalendarDate, "Use a date like 2026-11-27.")
  .optional()
  .or(z.literal("").transform(() => undefined));

const optionalText = (max: number, message: string) =>
  storableString()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || undefined);

// The filter menus list the schema's own enum values.
export const LOGIN_OUTCOMES = Object.values(LoginOutcome);
export const OTP_PURPOSES = Object.values(OtpPurpose);
export const OTP_CHANNELS = Object.values(OtpChannel);
export const OTP_STATUSES = Object.values(OtpDeliveryStatus);

const emptyToUndefined = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const attemptFiltersSchema = z.object({
  outcome: emptyToUndefined(z.enum(LoginOutcome, { error: "Choose an outcome from the list." })),
  from: dateOnly,
  to: dateOnly,
  ip: optionalText(64, "That is not an IP address."),
  country: emptyToUndefined(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use a two-letter country code, like GB."),
  ),
  device: optionalText(128, "Device ids are at most 128 characters."),
  cursor: optionalText(100, "Invalid page link."),
});

export const deliveryFiltersSchema = z.object({
  purpose: emptyToUndefined(z.enum(OtpPurpose, { error: "Choose a purpose from the list." })),
  channel: emptyToUndefined(z.enum(OtpChannel, { error: "Choose a channel from the list." })),
  status: emptyToUndefined(z.enum(OtpDeliveryStatus, { error: "Choose a status from the list." })),
  from: dateOnly,
  to: dateOnly,
  cursor: optionalText(100, "Invalid page link."),
});

export type AttemptFilters = Partial<z.infer<typeof attemptFiltersSchema>>;
export type DeliveryFilters = Partial<z.infer<typeof deliveryFiltersSchema>>;

/** Inclusive day range in UTC: "to" covers the whole day. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
}
