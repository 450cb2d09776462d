// How validated events become rows: normalisation (the schemas only check), the attribution of
// each event to a customer, the column arrays of the bulk INSERT and the statements themselves.
// Pure (no database), so the benchmark's raw insert sends exactly the statement and arrays that the
// API path sends.
import { encodeBinaryArray, type BinaryElement, type BinaryElementType } from "@/lib/db/pg-binary-array";
import type {
  FactorType,
  LoginOutcome,
  OtpChannel,
  OtpDeliveryStatus,
  OtpPurpose,
} from "@/lib/generated/prisma/enums";
import {
  MAX_USER_AGENT_LENGTH,
  type CustomerReference,
  type LoginAttemptEvent,
  type OtpDeliveryEvent,
} from "./schemas";

/** Customer ids of a batch, by the identity system's external id and by normalised email. */
export type CustomerIndex = { byExternalId: Map<string, string>; byEmail: Map<string, string> };

/** A reference as it is matched: external id trimmed, email trimmed and lower-cased (customers.email_normalized). */
export type CustomerKey = { externalId: string | null; email: string | null };

export function customerKey(reference: CustomerReference | null | undefined): CustomerKey | null {
  if (!reference) return null;
  return {
    externalId: reference.externalId?.trim() ?? null,
    email: reference.email?.trim().toLowerCase() ?? null,
  };
}

export type Attribution = {
  customerId: string | null;
  waitingForExternalId: string | null;
  email: string | null;
};

/** externalId decides when given (matched or not); the email is used only without one. */
export function attribute(
  reference: CustomerReference | null | undefined,
  customers: CustomerIndex,
): Attribution {
  const key = customerKey(reference);
  if (!key) return { customerId: null, waitingForExternalId: null, email: null };
  if (key.externalId !== null) {
    const customerId = customers.byExternalId.get(key.externalId) ?? null;
    return { customerId, waitingForExternalId: customerId ? null : key.externalId, email: key.email };
  }
  return {
    customerId: (key.email !== null && customers.byEmail.get(key.email)) || null,
    waitingForExternalId: null,
    email: key.email,
  };
}

/** Trimmed; empty becomes NULL. */
const textOrNull = (value: string | null | undefined) => value?.trim() || null;
const upperOrNull = <Label extends string>(value: string | null | undefined) =>
  value ? (value.toUpperCase() as Label) : null;
const userAgentOrNull = (value: string | null | undefined) =>
  value?.trim().slice(0, MAX_USER_AGENT_LENGTH) || null;

/** Lower-case IPv6; an IPv4 client seen through an IPv6 socket is the IPv4 address. */
function ipOrNull(value: string | null | undefined): string | null {
  const ip = value?.trim().toLowerCase();
  if (!ip) return null;
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}

export type Column<Event> = {
  name: string;
  type: BinaryElementType;
  /** The PostgreSQL enum the text is cast to. */
  cast?: string;
  value: (event: Event, attribution: Attribution) => BinaryElement;
};

/** Validated timestamps (ISO 8601 with a zone) as epoch milliseconds, sent as binary timestamptz. */
const epochMs = (value: string | null | undefined) => (value ? Date.parse(value) : null);

/**
 * INSERT INTO <table> (...) SELECT u.a, u.b::"Enum", ... FROM (SELECT unnest($1::text[]) AS a, ...) AS u
 * ORDER BY u.event_id COLLATE "C" ON CONFLICT (event_id) DO NOTHING. The row count says how many were new.
 *
 * unnest() in the select list walks the equally long arrays in lockstep; the multi-argument
 * unnest($1, $2, ...) in FROM first copies every array into a tuplestore, which the demo-data
 * seeder measured ~40% slower (scripts/demo-data/bulk-table.ts).
 *
 * ORDER BY event_id: each inserted row holds its unique-index entry until the statement commits,
 * and a concurrent insert of the same id waits for it. Two statements that write overlapping ids
 * in different orders (a sender that re-batches on retry, two senders sharing a backlog) would
 * wait for each other crosswise, and PostgreSQL would abort one as a deadlock (a 503 for its
 * client). In one global order they only ever wait in line. "C" compares bytes: the cheapest sort,
 * and the same order in every database whatever its default collation.
 */
export function unnestInsertSql(
  table: string,
  columns: readonly { name: string; type: BinaryElementType; cast?: string }[],
): string {
  const names = columns.map((column) => column.name);
  const selects = columns.map((column) =>
    column.cast ? `u.${column.name}::"${column.cast}"` : `u.${column.name}`,
  );
  const unnests = columns.map((column, i) => `unnest($${i + 1}::${column.type}[]) AS ${column.name}`);
  return (
    `INSERT INTO ${table} (${names.join(", ")}) SELECT ${selects.join(", ")} ` +
    `FROM (SELECT ${unnests.join(", ")}) AS u ORDER BY u.event_id COLLATE "C" ON CONFLICT (event_id) DO NOTHING`
  );
}

export const LOGIN_ATTEMPT_COLUMNS: readonly Column<LoginAttemptEvent>[] = [
  { name: "event_id", type: "text", value: (event) => event.eventId },
  { name: "customer_id", type: "uuid", value: (_event, who) => who.customerId },
  { name: "customer_external_id", type: "text", value: (_event, who) => who.waitingForExternalId },
  // Without an identifier, what the event said about the account is the next best thing to keep.
  {
    name: "identifier",
    type: "text",
    value: (event, who) => textOrNull(event.identifier)?.toLowerCase() ?? (who.customerId ? null : who.email),
  },
  { name: "flow_id", type: "text", value: (event) => textOrNull(event.flowId) },
  { name: "occurred_at", type: "timestamptz", value: (event) => epochMs(event.occurredAt) },
  {
    name: "outcome",
    type: "text",
    cast: "LoginOutcome",
    value: (event) => upperOrNull<LoginOutcome>(event.outcome),
  },
  {
    name: "factor",
    type: "text",
    cast: "FactorType",
    value: (event) => upperOrNull<FactorType>(event.factor),
  },
  { name: "ip", type: "text", value: (event) => ipOrNull(event.ip) },
  { name: "country", type: "text", value: (event) => upperOrNull(event.country) },
  { name: "city", type: "text", value: (event) => textOrNull(event.city) },
  { name: "latitude", type: "float8", value: (event) => event.latitude ?? null },
  { name: "longitude", type: "float8", value: (event) => event.longitude ?? null },
  { name: "device_id", type: "text", value: (event) => textOrNull(event.deviceId) },
  { name: "user_agent", type: "text", value: (event) => userAgentOrNull(event.userAgent) },
];

export const OTP_DELIVERY_COLUMNS: readonly Column<OtpDeliveryEvent>[] = [
  { name: "event_id", type: "text", value: (event) => event.eventId },
  { name: "customer_id", type: "uuid", value: (_event, who) => who.customerId },
  { name: "customer_external_id", type: "text", value: (_event, who) => who.waitingForExternalId },
  { name: "flow_id", type: "text", value: (event) => textOrNull(event.flowId) },
  { name: "sent_at", type: "timestamptz", value: (event) => epochMs(event.sentAt) },
  {
    name: "purpose",
    type: "text",
    cast: "OtpPurpose",
    value: (event) => upperOrNull<OtpPurpose>(event.purpose),
  },
  {
    name: "channel",
    type: "text",
    cast: "OtpChannel",
    value: (event) => upperOrNull<OtpChannel>(event.channel),
  },
  { name: "destination_masked", type: "text", value: (event) => event.destinationMasked.trim() },
  {
    name: "status",
    type: "text",
    cast: "OtpDeliveryStatus",
    value: (event) => upperOrNull<OtpDeliveryStatus>(event.status),
  },
  { name: "status_reason", type: "text", value: (event) => textOrNull(event.statusReason) },
  { name: "expires_at", type: "timestamptz", value: (event) => epochMs(event.expiresAt) },
  { name: "used_at", type: "timestamptz", value: (event) => epochMs(event.usedAt) },
  { name: "request_ip", type: "text", value: (event) => ipOrNull(event.requestIp) },
  { name: "request_country", type: "text", value: (event) => upperOrNull(event.requestCountry) },
  { name: "request_device_id", type: "text", value: (event) => textOrNull(event.requestDeviceId) },
  { name: "request_user_agent", type: "text", value: (event) => userAgentOrNull(event.requestUserAgent) },
];

export const LOGIN_ATTEMPTS_INSERT_SQL = unnestInsertSql("login_attempts", LOGIN_ATTEMPT_COLUMNS);
export const OTP_DELIVERIES_INSERT_SQL = unnestInsertSql("otp_deliveries", OTP_DELIVERY_COLUMNS);

/** The value of each column for each event: one array per column, in the order of `columns`. */
export function columnValues<Event extends { customer?: CustomerReference | null }>(
  events: readonly Event[],
  columns: readonly Column<Event>[],
  customers: CustomerIndex,
): BinaryElement[][] {
  const arrays = columns.map(() => new Array<BinaryElement>(events.length));
  events.forEach((event, row) => {
    const who = attribute(event.customer, customers);
    columns.forEach((column, i) => {
      (arrays[i] as BinaryElement[])[row] = column.value(event, who);
    });
  });
  return arrays;
}

/** The INSERT's parameters: one binary array per column. */
export function columnArrays<Event extends { customer?: CustomerReference | null }>(
  events: readonly Event[],
  columns: readonly Column<Event>[],
  customers: CustomerIndex,
): Buffer[] {
  const values = columnValues(events, columns, customers);
  return columns.map((column, i) => encodeBinaryArray(column.type, values[i] as BinaryElement[]));
}
