// How validated events become rows: the column arrays of the bulk INSERT, the attribution of each
// event to a customer, and the statements themselves. Pure (no database), so the benchmark's raw
// insert sends exactly the statement and arrays that the API path sends.
import type { CustomerReference, LoginAttemptEvent, OtpDeliveryEvent } from "./schemas";

/** Customer ids of a batch, by the identity system's external id and by normalised email. */
export type CustomerIndex = { byExternalId: Map<string, string>; byEmail: Map<string, string> };

export type Attribution = { customerId: string | null; waitingForExternalId: string | null };

/** externalId decides when given (matched or not); the email is used only without one. */
export function attribute(reference: CustomerReference | null | undefined, customers: CustomerIndex): Attribution {
  if (!reference) return { customerId: null, waitingForExternalId: null };
  if (reference.externalId !== undefined) {
    const customerId = customers.byExternalId.get(reference.externalId) ?? null;
    return { customerId, waitingForExternalId: customerId ? null : reference.externalId };
  }
  return { customerId: (reference.email !== undefined && customers.byEmail.get(reference.email)) || null, waitingForExternalId: null };
}

export type Column<Event> = { name: string; type: string; cast?: string; value: (event: Event, attribution: Attribution) => unknown };

/**
 * INSERT INTO <table> (...) SELECT u.a, u.b::"Enum", ... FROM unnest($1::text[], ...) AS u(...)
 * ON CONFLICT (event_id) DO NOTHING. The row count says how many were new.
 */
export function unnestInsertSql(table: string, columns: readonly { name: string; type: string; cast?: string }[]): string {
  const names = columns.map((column) => column.name);
  const selects = columns.map((column) => (column.cast ? `u.${column.name}::"${column.cast}"` : `u.${column.name}`));
  const arrays = columns.map((column, i) => `$${i + 1}::${column.type}[]`);
  return (
    `INSERT INTO ${table} (${names.join(", ")}) SELECT ${selects.join(", ")} ` +
    `FROM unnest(${arrays.join(", ")}) AS u(${names.join(", ")}) ON CONFLICT (event_id) DO NOTHING`
  );
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export const LOGIN_ATTEMPT_COLUMNS: readonly Column<LoginAttemptEvent>[] = [
  { name: "event_id", type: "text", value: (event) => event.eventId },
  { name: "customer_id", type: "uuid", value: (_event, who) => who.customerId },
  { name: "customer_external_id", type: "text", value: (_event, who) => who.waitingForExternalId },
  // Without an identifier, what the event said about the account is the next best thing to keep.
  {
    name: "identifier",
    type: "text",
    value: (event, who) => event.identifier ?? (who.customerId ? null : (event.customer?.email ?? null)),
  },
  { name: "flow_id", type: "text", value: (event) => event.flowId ?? null },
  { name: "occurred_at", type: "timestamptz", value: (event) => iso(event.occurredAt) },
  { name: "outcome", type: "text", cast: "LoginOutcome", value: (event) => event.outcome },
  { name: "factor", type: "text", cast: "FactorType", value: (event) => event.factor ?? null },
  { name: "ip", type: "text", value: (event) => event.ip },
  { name: "country", type: "text", value: (event) => event.country ?? null },
  { name: "city", type: "text", value: (event) => event.city ?? null },
  { name: "latitude", type: "float8", value: (event) => event.latitude ?? null },
  { name: "longitude", type: "float8", value: (event) => event.longitude ?? null },
  { name: "device_id", type: "text", value: (event) => event.deviceId ?? null },
  { name: "user_agent", type: "text", value: (event) => event.userAgent ?? null },
];

export const OTP_DELIVERY_COLUMNS: readonly Column<OtpDeliveryEvent>[] = [
  { name: "event_id", type: "text", value: (event) => event.eventId },
  { name: "customer_id", type: "uuid", value: (_event, who) => who.customerId },
  { name: "customer_external_id", type: "text", value: (_event, who) => who.waitingForExternalId },
  { name: "flow_id", type: "text", value: (event) => event.flowId ?? null },
  { name: "sent_at", type: "timestamptz", value: (event) => iso(event.sentAt) },
  { name: "purpose", type: "text", cast: "OtpPurpose", value: (event) => event.purpose },
  { name: "channel", type: "text", cast: "OtpChannel", value: (event) => event.channel },
  { name: "destination_masked", type: "text", value: (event) => event.destinationMasked },
  { name: "status", type: "text", cast: "OtpDeliveryStatus", value: (event) => event.status },
  { name: "status_reason", type: "text", value: (event) => event.statusReason ?? null },
  { name: "expires_at", type: "timestamptz", value: (event) => iso(event.expiresAt) },
  { name: "used_at", type: "timestamptz", value: (event) => iso(event.usedAt) },
  { name: "request_ip", type: "text", value: (event) => event.requestIp ?? null },
  { name: "request_country", type: "text", value: (event) => event.requestCountry ?? null },
  { name: "request_device_id", type: "text", value: (event) => event.requestDeviceId ?? null },
  { name: "request_user_agent", type: "text", value: (event) => event.requestUserAgent ?? null },
];

export const LOGIN_ATTEMPTS_INSERT_SQL = unnestInsertSql("login_attempts", LOGIN_ATTEMPT_COLUMNS);
export const OTP_DELIVERIES_INSERT_SQL = unnestInsertSql("otp_deliveries", OTP_DELIVERY_COLUMNS);

export function columnArrays<Event extends { customer?: CustomerReference | null }>(
  events: readonly Event[],
  columns: readonly Column<Event>[],
  customers: CustomerIndex,
): unknown[][] {
  const arrays = columns.map(() => new Array<unknown>(events.length));
  events.forEach((event, row) => {
    const who = attribute(event.customer, customers);
    columns.forEach((column, i) => {
      (arrays[i] as unknown[])[row] = column.value(event, who);
    });
  });
  return arrays;
}

