// One batch of demo rows (a chunk of customers, or the stories) on its way to the database: typed
// "add" methods for each table, the identity system's ids, and the write in one transaction.
import type pg from "pg";
import { TableBuffer, type TableSpec } from "./bulk-table";
import { IdMaker } from "./ids";
import { sealContact } from "../../lib/customers/contact-values";

const CUSTOMERS: TableSpec = {
  table: "customers",
  columns: [
    { name: "external_id", kind: "text" },
    { name: "full_name", kind: "text" },
    { name: "name_key", kind: "text" },
    { name: "email", kind: "text" },
    { name: "email_normalized", kind: "text" },
    { name: "phone_e164", kind: "text" },
    { name: "country", kind: "text" },
    { name: "status", kind: { enum: "CustomerStatus" } },
    { name: "flagged_at", kind: "time" },
    { name: "flag_reason", kind: "text" },
    { name: "password_reset_required", kind: "bool" },
    { name: "created_at", kind: "time" },
    { name: "updated_at", kind: "time" },
  ],
};

const SECOND_FACTORS: TableSpec = {
  table: "second_factors",
  columns: [
    { name: "customer_id", kind: "customer" },
    { name: "type", kind: { enum: "FactorType" } },
    { name: "label", kind: "text" },
    { name: "destination", kind: "text" },
    { name: "enrolled_at", kind: "time" },
    { name: "last_used_at", kind: "time" },
    { name: "removed_at", kind: "time" },
    { name: "external_id", kind: "text" },
  ],
};

const CUSTOMER_SESSIONS: TableSpec = {
  table: "customer_sessions",
  columns: [
    { name: "customer_id", kind: "customer" },
    { name: "device_id", kind: "text" },
    { name: "device_label", kind: "text" },
    { name: "user_agent", kind: "text" },
    { name: "ip", kind: "text" },
    { name: "country", kind: "text" },
    { name: "city", kind: "text" },
    { name: "created_at", kind: "time" },
    { name: "last_seen_at", kind: "time" },
    { name: "revoked_at", kind: "time" },
    { name: "revoked_reason", kind: "text" },
  ],
};

const ACCOUNT_CHANGES: TableSpec = {
  table: "account_changes",
  columns: [
    { name: "customer_id", kind: "customer" },
    { name: "kind", kind: { enum: "AccountChangeKind" } },
    { name: "occurred_at", kind: "time" },
    { name: "ip", kind: "text" },
    { name: "device_id", kind: "text" },
    { name: "previous_value", kind: "text" },
    { name: "new_value", kind: "text" },
  ],
};

// Events reach the desk a moment after they happen; a lag derived from the timestamp keeps that
// realistic without sending another column.
const receivedAfter = (column: string) =>
  `u.${column} + (date_part('microseconds', u.${column})::int8 % 2900 + 100) * interval '1 millisecond'`;

const LOGIN_ATTEMPTS: TableSpec = {
  table: "login_attempts",
  columns: [
    { name: "event_id", kind: "text" },
    { name: "customer_id", kind: "customer" },
    { name: "identifier", kind: "text" },
    { name: "flow_id", kind: "text" },
    { name: "occurred_at", kind: "time" },
    { name: "outcome", kind: { enum: "LoginOutcome" } },
    { name: "factor", kind: { enum: "FactorType" } },
    { name: "ip", kind: "text" },
    { name: "country", kind: "text" },
    { name: "city", kind: "text" },
    { name: "latitude", kind: "float" },
    { name: "longitude", kind: "float" },
    { name: "device_id", kind: "text" },
    { name: "user_agent", kind: "text" },
  ],
  derived: [{ name: "received_at", sql: receivedAfter("occurred_at") }],
};

const OTP_DELIVERIES: TableSpec = {
  table: "otp_deliveries",
  columns: [
    { name: "event_id", kind: "text" },
    { name: "customer_id", kind: "customer" },
    { name: "flow_id", kind: "text" },
    { name: "sent_at", kind: "time" },
    { name: "purpose", kind: { enum: "OtpPurpose" } },
    { name: "channel", kind: { enum: "OtpChannel" } },
    { name: "destination_masked", kind: "text" },
    { name: "status", kind: { enum: "OtpDeliveryStatus" } },
    { name: "status_reason", kind: "text" },
    { name: "expires_at", kind: "time" },
    { name: "used_at", kind: "time" },
    { name: "request_ip", kind: "text" },
    { name: "request_country", kind: "text" },
    { name: "request_device_id", kind: "text" },
    { name: "request_user_agent", kind: "text" },
  ],
  derived: [{ name: "received_at", sql: receivedAfter("sent_at") }],
};

export type CustomerRow = {
  externalId: string;
  fullName: string;
  nameKey: string;
  email: string;
  emailNormalized: string;
  phoneE164: string | null;
  country: string;
  status: "ACTIVE" | "LOCKED" | "SUSPENDED" | "CLOSED";
  flaggedAt: number | null;
  flagReason: string | null;
  passwordResetRequired: boolean;
  createdAt: number;
  updatedAt: number;
};

export type FactorType = "PASSWORD" | "SMS" | "EMAIL" | "AUTHENTICATOR_APP" | "PASSKEY" | "BACKUP_CODES";
export type LoginOutcome =
  "SUCCESS" | "WRONG_PASSWORD" | "CODE_SENT" | "CODE_WRONG" | "CODE_EXPIRED" | "LOCKED" | "BLOCKED";
export type OtpPurpose = "SIGN_IN" | "DELIVERY" | "PAYMENT" | "FACTOR_CHANGE" | "RECOVERY";
export type OtpChannel = "SMS" | "EMAIL" | "VOICE";
export type OtpStatus = "QUEUED" | "SENT" | "DELIVERED" | "FAILED";
export type AccountChangeKind =
  "EMAIL_CHANGED" | "PHONE_CHANGED" | "PASSWORD_CHANGED" | "FACTOR_ADDED" | "FACTOR_REMOVED";

/** Where a request came from, as the identity system saw it. */
export type RequestContext = {
  ip: string;
  country: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  deviceId: string | null;
  userAgent: string | null;
};

export type AttemptRow = {
  customer: number | null;
  identifier: string | null;
  flowId: string | null;
  at: number;
  outcome: LoginOutcome;
  factor: FactorType | null;
  context: RequestContext;
};

export type OtpRow = {
  customer: number | null;
  flowId: string | null;
  sentAt: number;
  purpose: OtpPurpose;
  channel: OtpChannel;
  destinationMasked: string;
  status: OtpStatus;
  statusReason: string | null;
  expiresAt: number | null;
  usedAt: number | null;
  /** Null for codes the shop's own systems asked for (a courier's delivery code). */
  context: RequestContext | null;
};

export type SessionRow = {
  customer: number;
  deviceId: string | null;
  deviceLabel: string | null;
  userAgent: string | null;
  ip: string | null;
  country: string | null;
  city: string | null;
  createdAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
  revokedReason: string | null;
};

export type FactorRow = {
  customer: number;
  type: FactorType;
  label: string;
  destination: string | null;
  enrolledAt: number;
  lastUsedAt: number | null;
  removedAt: number | null;
};

export type TableCounts = Record<string, number>;

/** Ids of the identity system, shared by every batch of one seed. */
export class DemoIds {
  readonly customer: IdMaker;
  readonly event: IdMaker;
  readonly flow: IdMaker;
  readonly device: IdMaker;
  readonly factor: IdMaker;

  constructor(seed: number) {
    this.customer = new IdMaker("cus", seed);
    this.event = new IdMaker("evt", seed);
    this.flow = new IdMaker("flw", seed);
    this.device = new IdMaker("dev", seed);
    this.factor = new IdMaker("fac", seed);
  }
}

export class DemoRows {
  readonly customers = new TableBuffer(CUSTOMERS);
  readonly factors = new TableBuffer(SECOND_FACTORS);
  readonly sessions = new TableBuffer(CUSTOMER_SESSIONS);
  readonly changes = new TableBuffer(ACCOUNT_CHANGES);
  readonly attempts = new TableBuffer(LOGIN_ATTEMPTS);
  readonly otps = new TableBuffer(OTP_DELIVERIES);

  /** Customer refs (1-based): external ids of customers in this batch, or uuids of existing ones. */
  private readonly refs: ({ externalId: string } | { id: string })[] = [];
  private eventCounter = 0;
  private flowCounter = 0;
  private deviceCounter = 0;
  private factorCounter = 0;

  /** `block` keeps this batch's ids apart from every other batch's (one per chunk). */
  constructor(
    private readonly ids: DemoIds,
    private readonly block: number,
  ) {}

  nextEventId(): string {
    return this.ids.event.sequentialId(this.block, this.eventCounter++);
  }

  nextFlowId(): string {
    return this.ids.flow.sequentialId(this.block, this.flowCounter++);
  }

  nextDeviceId(): string {
    return this.ids.device.id(this.block * 2 ** 26 + this.deviceCounter++);
  }

  addCustomer(row: CustomerRow): number {
    this.customers.add(
      row.externalId,
      row.fullName,
      row.nameKey,
      row.email,
      row.emailNormalized,
      row.phoneE164,
      row.country,
      row.status,
      row.flaggedAt,
      row.flagReason,
      row.passwordResetRequired,
      row.createdAt,
      row.updatedAt,
    );
    this.refs.push({ externalId: row.externalId });
    return this.refs.length;
  }

  /** A ref for a customer already in the database (stories that touch generated customers). */
  refExistingCustomer(id: string): number {
    this.refs.push({ id });
    return this.refs.length;
  }

  addFactor(row: FactorRow): void {
    this.factors.add(
      row.customer,
      row.type,
      row.label,
      row.destination,
      row.enrolledAt,
      row.lastUsedAt,
      row.removedAt,
      // The identity system's own id for the factor: what it names in factor_removed events.
      this.ids.factor.sequentialId(this.block, this.factorCounter++),
    );
  }

  addSession(row: SessionRow): void {
    this.sessions.add(
      row.customer,
      row.deviceId,
      row.deviceLabel,
      row.userAgent,
      row.ip,
      row.country,
      row.city,
      row.createdAt,
      row.lastSeenAt,
      row.revokedAt,
      row.revokedReason,
    );
  }

  /** `values`: for an email or phone change, the value replaced and the value set. */
  addChange(
    customer: number,
    kind: AccountChangeKind,
    at: number,
    context: RequestContext | null,
    values?: { previous: string; next: string },
  ): void {
    this.changes.add(
      customer,
      kind,
      at,
      context?.ip ?? null,
      context?.deviceId ?? null,
      sealContact(values?.previous),
      sealContact(values?.next),
    );
  }

  addAttempt(row: AttemptRow): string {
    const eventId = this.nextEventId();
    const c = row.context;
    this.attempts.add(
      eventId,
      row.customer,
      row.identifier,
      row.flowId,
      row.at,
      row.outcome,
      row.factor,
      c.ip,
      c.country,
      c.city,
      c.lat,
      c.lon,
      c.deviceId,
      c.userAgent,
    );
    return eventId;
  }

  addOtp(row: OtpRow): string {
    const eventId = this.nextEventId();
    const c = row.context;
    this.otps.add(
      eventId,
      row.customer,
      row.flowId,
      row.sentAt,
      row.purpose,
      row.channel,
      row.destinationMasked,
      row.status,
      row.statusReason,
      row.expiresAt,
      row.usedAt,
      c?.ip ?? null,
      c?.country ?? null,
      c?.deviceId ?? null,
      c?.userAgent ?? null,
    );
    return eventId;
  }

  /**
   * Writes the batch in one transaction on `client` and returns rows per table. Customers go first;
   * their generated ids come back and become the uuid array every child row indexes into.
   */
  async write(client: pg.ClientBase): Promise<{ counts: TableCounts; customerIds: Map<string, string> }> {
    const customerIds = new Map<string, string>();
    await client.query("BEGIN");
    try {
      const inserted = await this.customers.insert(client, [], "id, external_id");
      for (const row of (inserted?.rows ?? []) as { id: string; external_id: string }[]) {
        customerIds.set(row.external_id, row.id);
      }
      const uuids = this.refs.map((ref) => {
        const id = "id" in ref ? ref.id : customerIds.get(ref.externalId);
        if (!id)
          throw new Error(`No id came back for customer ${"externalId" in ref ? ref.externalId : "?"}`);
        return id;
      });
      for (const buffer of [this.factors, this.sessions, this.changes, this.attempts, this.otps]) {
        await buffer.insert(client, uuids);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    return { counts: this.counts(), customerIds };
  }

  counts(): TableCounts {
    return {
      customers: this.customers.rowCount,
      second_factors: this.factors.rowCount,
      customer_sessions: this.sessions.rowCount,
      account_changes: this.changes.rowCount,
      login_attempts: this.attempts.rowCount,
      otp_deliveries: this.otps.rowCount,
    };
  }
}
