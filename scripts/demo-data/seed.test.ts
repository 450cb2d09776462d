// The demo data generator against real databases: determinism, the promises each story makes
// (stories.ts), realistic shapes for the generated rows, and refusal to seed over existing data.
import { randomBytes } from "node:crypto";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { generate, verify } from "otplib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { decryptAtRest } from "../../lib/crypto/at-rest";
import { loadRiskInput } from "../../lib/customers/risk-data";
import { getDb } from "../../lib/db/client";
import { computeRiskSignals } from "../../lib/customers/risk-signals";
import { assessCustomer } from "../../lib/customers/verdict-data";
import { DemoDataRefusedError, seedDemoData, type SeedReport } from "./index";
import {
  CREDENTIAL_STUFFING,
  DEMO_STAFF,
  LOST_PHONE,
  MISTYPED_NUMBER,
  OTP_BOMBING,
  SCAM_REPORTS,
  STORY_CASES,
  STORY_CUSTOMERS,
  TAKEOVER,
  UNREQUESTED_CODE,
  WATCHLIST_NUMBERS,
  type StoryCustomerKey,
} from "./stories";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const OPTIONS = { customers: 200, attemptsPerCustomer: 12, seed: 4242, now: NOW };
const HOUR = 3_600_000;

const serverUrl = inject("databaseServerUrl");
const secondDatabase = `${inject("testDatabasePrefix")}seed_${randomBytes(4).toString("hex")}`;
const secondUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${secondDatabase}`;
  return url.toString();
})();

let db: pg.Client;
let firstReport: SeedReport;
let secondReport: SeedReport;

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const firstUrl = process.env.DATABASE_URL as string;
  await adminQuery(`CREATE DATABASE "${secondDatabase}" TEMPLATE "${inject("templateDatabase")}"`);
  firstReport = await seedDemoData(firstUrl, OPTIONS);
  // Two hours later on the same day: ordinary history is anchored to the day, so only the stories move.
  secondReport = await seedDemoData(secondUrl, { ...OPTIONS, now: new Date(NOW.getTime() + 2 * HOUR) });
  db = new pg.Client({ connectionString: firstUrl });
  await db.connect();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await getDb().$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS "${secondDatabase}" WITH (FORCE)`);
});

async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query<T>(sql, params);
  expect(rows).toHaveLength(1);
  return rows[0] as T;
}

async function customerId(key: StoryCustomerKey): Promise<string> {
  const row = await one<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [
    STORY_CUSTOMERS[key].externalId,
  ]);
  return row.id;
}

describe("determinism", () => {
  it("gives the same rows for the same options in two databases, seeded hours apart", async () => {
    expect(secondReport.tables).toEqual(firstReport.tables);
    expect(firstReport.tables.customers).toBe(OPTIONS.customers + Object.keys(STORY_CUSTOMERS).length);

    // Everything but the database's own ids (customers by external id, events by event id); times
    // too, except for the stories' incidents (their ids carry the story block prefix evt_ZZZZ).
    const fingerprints = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{
          customers: string;
          emails: string;
          attempts: string;
          attempt_times: string;
          deliveries: string;
          delivery_times: string;
          event_ids: string[];
        }>(`
          SELECT
            (SELECT md5(string_agg(concat_ws('|', external_id, full_name, name_key, email, email_normalized, phone_e164, country, status, created_at), ',' ORDER BY external_id)) FROM customers) AS customers,
            (SELECT md5(string_agg(email_normalized, ',' ORDER BY email_normalized)) FROM customers) AS emails,
            (SELECT md5(string_agg(concat_ws('|', a.event_id, c.external_id, a.identifier, a.flow_id, a.outcome, a.factor, a.ip, a.country, a.city, a.device_id), ',' ORDER BY a.event_id))
               FROM login_attempts a LEFT JOIN customers c ON c.id = a.customer_id) AS attempts,
            (SELECT md5(string_agg(concat_ws('|', event_id, occurred_at), ',' ORDER BY event_id))
               FROM login_attempts WHERE event_id NOT LIKE 'evt\\_ZZZZ%') AS attempt_times,
            (SELECT md5(string_agg(concat_ws('|', o.event_id, c.external_id, o.flow_id, o.purpose, o.channel, o.destination_masked, o.status, o.used_at IS NULL, o.request_ip), ',' ORDER BY o.event_id))
               FROM otp_deliveries o LEFT JOIN customers c ON c.id = o.customer_id) AS deliveries,
            (SELECT md5(string_agg(concat_ws('|', event_id, sent_at, used_at), ',' ORDER BY event_id))
               FROM otp_deliveries WHERE event_id NOT LIKE 'evt\\_ZZZZ%') AS delivery_times,
            (SELECT array_agg(event_id ORDER BY event_id) FROM (SELECT event_id FROM login_attempts ORDER BY event_id LIMIT 50) e) AS event_ids`);
        return rows[0];
      } finally {
        await client.end();
      }
    };
    const [first, second] = await Promise.all([
      fingerprints(process.env.DATABASE_URL as string),
      fingerprints(secondUrl),
    ]);
    expect(first?.event_ids).toHaveLength(50);
    expect(second).toEqual(first);
  });

  it("reports rows per table and a rate", () => {
    const total = Object.values(firstReport.tables).reduce((sum, n) => sum + n, 0);
    expect(firstReport.totalRows).toBe(total);
    expect(firstReport.rowsPerSecond).toBeGreaterThan(0);
    expect(firstReport.tables.login_attempts).toBeGreaterThan(
      OPTIONS.customers * OPTIONS.attemptsPerCustomer * 0.8,
    );
  });
});

describe("generated customers", () => {
  it("have normalised, unique, fictional contact details", async () => {
    const { rows } = await db.query<{
      email: string;
      email_normalized: string;
      phone_e164: string | null;
      name_key: string;
      full_name: string;
      external_id: string;
    }>("SELECT email, email_normalized, phone_e164, name_key, full_name, external_id FROM customers");
    for (const row of rows) {
      expect(row.email_normalized).toBe(row.email.trim().toLowerCase());
      expect(row.email_normalized).toMatch(/@example\.(com|net|org)$/);
      expect(row.external_id).toMatch(/^cus_[0-9A-Z]{10,12}$/);
      expect(row.name_key).toBe(row.name_key.toLowerCase());
      expect(row.name_key).not.toMatch(/[\u0300-\u036f]|[^\x20-\x7e]/);
      if (row.phone_e164) {
        const parsed = parsePhoneNumberFromString(row.phone_e164);
        expect(parsed?.number).toBe(row.phone_e164);
        expect(parsed?.isPossible()).toBe(true);
        // Story numbers come from Ofcom's drama range, which libphonenumber calls possible, not valid.
        if (!row.phone_e164.startsWith("+447700900")) expect(parsed?.isValid()).toBe(true);
      }
    }
    const phones = rows.flatMap((row) => (row.phone_e164 ? [row.phone_e164] : []));
    expect(new Set(phones).size).toBe(phones.length);
    const countries = await db.query<{ country: string; n: number }>(
      "SELECT country, count(*)::int AS n FROM customers GROUP BY country ORDER BY n DESC",
    );
    expect(countries.rows[0]?.country).toBe("GB");
    expect(countries.rows.length).toBeGreaterThanOrEqual(4);
  });

  it("use only reserved, non-routable addresses", async () => {
    const { rows } = await db.query<{ ip: string }>(
      "SELECT DISTINCT ip FROM login_attempts UNION SELECT DISTINCT request_ip FROM otp_deliveries WHERE request_ip IS NOT NULL UNION SELECT DISTINCT ip FROM customer_sessions WHERE ip IS NOT NULL",
    );
    for (const { ip } of rows) {
      expect(ip).toMatch(/^(2001:db8:|198\.1[89]\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.)/);
    }
  });

  it("share a flow id between a sign-in's attempts and its codes, and use codes only once", async () => {
    const orphans = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM otp_deliveries o WHERE o.purpose = 'SIGN_IN'
         AND NOT EXISTS (SELECT 1 FROM login_attempts a WHERE a.flow_id = o.flow_id AND a.outcome = 'CODE_SENT')`,
    );
    expect(orphans.n).toBe(0);
    const usedWithoutSuccess = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM otp_deliveries o WHERE o.purpose = 'SIGN_IN' AND o.used_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM login_attempts a WHERE a.flow_id = o.flow_id AND a.outcome = 'SUCCESS' AND a.occurred_at = o.used_at)`,
    );
    expect(usedWithoutSuccess.n).toBe(0);
    const mix = await db.query<{ outcome: string }>("SELECT DISTINCT outcome::text FROM login_attempts");
    expect(mix.rows.map((r) => r.outcome).sort()).toEqual([
      "BLOCKED",
      "CODE_EXPIRED",
      "CODE_SENT",
      "CODE_WRONG",
      "LOCKED",
      "SUCCESS",
      "WRONG_PASSWORD",
    ]);
    const purposes = await db.query<{ purpose: string }>("SELECT DISTINCT purpose::text FROM otp_deliveries");
    expect(purposes.rows.map((r) => r.purpose).sort()).toEqual([
      "DELIVERY",
      "FACTOR_CHANGE",
      "PAYMENT",
      "RECOVERY",
      "SIGN_IN",
    ]);
    const masked = await db.query<{ destination_masked: string }>(
      "SELECT DISTINCT destination_masked FROM otp_deliveries",
    );
    for (const { destination_masked } of masked.rows) {
      expect(destination_masked).toMatch(/^(\+\d{1,3} •••• ••• \d{3}|[a-z]•••@example\.(com|net|org))$/);
    }
  });

  it("span about six months before now, with sessions and factors", async () => {
    const span = await one<{ oldest: Date; newest: Date }>(
      "SELECT min(occurred_at) AS oldest, max(occurred_at) AS newest FROM login_attempts",
    );
    expect(NOW.getTime() - span.oldest.getTime()).toBeGreaterThan(150 * 24 * HOUR);
    expect(span.newest.getTime()).toBeLessThanOrEqual(NOW.getTime());
    const factors = await db.query<{ type: string }>("SELECT DISTINCT type::text FROM second_factors");
    expect(factors.rows.map((r) => r.type)).toEqual(
      expect.arrayContaining(["SMS", "EMAIL", "AUTHENTICATOR_APP", "PASSKEY"]),
    );
    const live = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM customer_sessions WHERE revoked_at IS NULL",
    );
    expect(live.n).toBeGreaterThan(OPTIONS.customers / 2);
  });
});

describe("demo staff", () => {
  it("can sign in with the documented password and TOTP secret", async () => {
    for (const staff of Object.values(DEMO_STAFF)) {
      const row = await one<{
        role: string;
        password_hash: string;
        totp_secret_enc: string;
        totp_enrolled_at: Date | null;
        time_zone: string;
        name: string;
      }>(
        "SELECT role::text, password_hash, totp_secret_enc, totp_enrolled_at, time_zone, name FROM staff_users WHERE email = $1",
        [staff.email],
      );
      expect(row).toMatchObject({ role: staff.role, time_zone: staff.timeZone, name: staff.name });
      expect(row.totp_enrolled_at).not.toBeNull();
      expect(await verifyPassword(row.password_hash, staff.password)).toBe(true);
      const secret = decryptAtRest(row.totp_secret_enc);
      expect(secret).toBe(staff.totpSecret);
      const result = await verify({ secret, token: await generate({ secret }) });
      expect(result.valid).toBe(true);
    }
  });
});

describe("stories", () => {
  it("(a) credential stuffing: hundreds of failures across many accounts from one /24 within an hour", async () => {
    const row = await one<{
      attempts: number;
      accounts: number;
      unknown: number;
      wrong: number;
      blocked: number;
      codes: number;
      first: Date;
      last: Date;
      ips: number;
    }>(
      `SELECT count(*)::int AS attempts, count(DISTINCT customer_id)::int AS accounts,
              count(*) FILTER (WHERE customer_id IS NULL AND identifier IS NOT NULL)::int AS unknown,
              count(*) FILTER (WHERE outcome = 'WRONG_PASSWORD')::int AS wrong,
              count(*) FILTER (WHERE outcome = 'BLOCKED')::int AS blocked,
              count(*) FILTER (WHERE outcome = 'CODE_SENT')::int AS codes,
              min(occurred_at) AS first, max(occurred_at) AS last, count(DISTINCT ip)::int AS ips
         FROM login_attempts WHERE ip LIKE '203.0.113.%'`,
    );
    expect(row.attempts).toBe(CREDENTIAL_STUFFING.attempts);
    expect(row.wrong + row.blocked).toBeGreaterThanOrEqual(400);
    expect(row.wrong).toBeGreaterThan(100);
    expect(row.blocked).toBeGreaterThan(100);
    expect(row.codes).toBe(CREDENTIAL_STUFFING.passwordMatches);
    expect(row.accounts).toBeGreaterThanOrEqual(OPTIONS.customers * 0.9);
    expect(row.unknown).toBeGreaterThan(100);
    expect(row.ips).toBe(CREDENTIAL_STUFFING.ips.length);
    expect(row.last.getTime() - row.first.getTime()).toBeLessThan(HOUR);
    expect(NOW.getTime() - row.first.getTime()).toBeLessThan(3 * 24 * HOUR);
  });

  it("(b) OTP bombing: the customer found by her phone typed nationally got dozens of unused codes in minutes", async () => {
    const typed = parsePhoneNumberFromString(STORY_CUSTOMERS.otpBombing.phoneAsTyped, "GB")?.number;
    expect(typed).toBe(STORY_CUSTOMERS.otpBombing.phone);
    const customer = await one<{ id: string; full_name: string }>(
      "SELECT id, full_name FROM customers WHERE phone_e164 = $1",
      [typed],
    );
    expect(customer.full_name).toBe("Olivia Bennett");

    const burst = await one<{ codes: number; used: number; span_ms: number; ips: string[] }>(
      `SELECT count(*)::int AS codes, count(used_at)::int AS used,
              (extract(epoch FROM max(sent_at) - min(sent_at)) * 1000)::int AS span_ms, array_agg(DISTINCT request_ip) AS ips
         FROM otp_deliveries WHERE customer_id = $1 AND purpose = 'SIGN_IN' AND sent_at > $2`,
      [customer.id, new Date(NOW.getTime() - 24 * HOUR)],
    );
    expect(burst.codes).toBeGreaterThanOrEqual(20);
    expect(burst.span_ms).toBeLessThanOrEqual(15 * 60_000);
    expect(burst.used).toBe(0);
    expect(burst.ips).toEqual([OTP_BOMBING.ip]);
    // Neither the address nor the device ever signed her in.
    const familiar = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM login_attempts
        WHERE customer_id = $1 AND outcome = 'SUCCESS'
          AND (ip = $2 OR device_id IN (SELECT request_device_id FROM otp_deliveries WHERE customer_id = $1 AND request_ip = $2))`,
      [customer.id, OTP_BOMBING.ip],
    );
    expect(familiar.n).toBe(0);
  });

  it("(c) takeover: a scam call, then a code used from a device never seen before, abroad, then password and phone changed", async () => {
    const id = await customerId("takeover");
    const signIn = new Date(NOW.getTime() - TAKEOVER.signInAgo);
    const used = await one<{ request_device_id: string; request_country: string; used_at: Date }>(
      `SELECT request_device_id, request_country, used_at FROM otp_deliveries
        WHERE customer_id = $1 AND purpose = 'SIGN_IN' AND used_at IS NOT NULL AND request_ip = $2`,
      [id, TAKEOVER.ip],
    );
    expect(used.request_country).toBe(TAKEOVER.country);
    const seenBefore = await one<{ devices: number; countries: number }>(
      `SELECT count(*) FILTER (WHERE device_id = $2)::int AS devices, count(*) FILTER (WHERE country = $3)::int AS countries
         FROM login_attempts WHERE customer_id = $1 AND occurred_at < $4`,
      [id, used.request_device_id, TAKEOVER.country, signIn],
    );
    expect(seenBefore).toEqual({ devices: 0, countries: 0 });

    const changes = await db.query<{ kind: string; device_id: string }>(
      "SELECT kind::text, device_id FROM account_changes WHERE customer_id = $1 AND occurred_at > $2 ORDER BY occurred_at",
      [id, signIn],
    );
    expect(changes.rows.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["PASSWORD_CHANGED", "PHONE_CHANGED"]),
    );
    expect(new Set(changes.rows.map((c) => c.device_id))).toEqual(new Set([used.request_device_id]));

    const session = await one<{ revoked_at: Date | null; country: string }>(
      "SELECT revoked_at, country FROM customer_sessions WHERE customer_id = $1 AND device_id = $2",
      [id, used.request_device_id],
    );
    expect(session).toEqual({ revoked_at: null, country: TAKEOVER.country });

    const report = await one<{
      asks: string;
      shared_something: boolean;
      contacted_at: Date;
      contact_number_e164: string;
    }>(
      "SELECT asks::text, shared_something, contacted_at, contact_number_e164 FROM scam_reports WHERE customer_id = $1",
      [id],
    );
    expect(report.asks).toContain("ONE_TIME_CODE");
    expect(report.shared_something).toBe(true);
    expect(report.contact_number_e164).toBe(TAKEOVER.callerNumber);
    const before = signIn.getTime() - report.contacted_at.getTime();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThanOrEqual(2 * HOUR);

    const account = await one<{ phone_e164: string }>("SELECT phone_e164 FROM customers WHERE id = $1", [id]);
    expect(account.phone_e164).toBe(TAKEOVER.attackerPhone);
  });

  it("(d) unrequested code: one code from a stranger's address, never used, no sign-in follows", async () => {
    const id = await customerId("unrequestedCode");
    const since = new Date(NOW.getTime() - 24 * HOUR);
    const codes = await db.query<{ request_ip: string; used_at: Date | null; flow_id: string }>(
      "SELECT request_ip, used_at, flow_id FROM otp_deliveries WHERE customer_id = $1 AND sent_at > $2",
      [id, since],
    );
    expect(codes.rows).toHaveLength(1);
    expect(codes.rows[0]).toMatchObject({ request_ip: UNREQUESTED_CODE.ip, used_at: null });
    const successes = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM login_attempts WHERE customer_id = $1 AND occurred_at > $2 AND outcome = 'SUCCESS'",
      [id, since],
    );
    expect(successes.n).toBe(0);
  });

  it("(d) mistyped number: the recipient's code came from another customer's own device", async () => {
    const recipient = await customerId("mistypedRecipient");
    const typist = await customerId("mistypedBy");
    const code = await one<{ request_device_id: string; sent_at: Date }>(
      "SELECT request_device_id, sent_at FROM otp_deliveries WHERE customer_id = $1 AND sent_at > $2 AND purpose = 'SIGN_IN'",
      [recipient, new Date(NOW.getTime() - MISTYPED_NUMBER.sentAgo - HOUR)],
    );
    const typistUses = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM login_attempts WHERE customer_id = $1 AND device_id = $2 AND outcome = 'SUCCESS'",
      [typist, code.request_device_id],
    );
    expect(typistUses.n).toBeGreaterThan(1);
    const attempt = await one<{ identifier: string }>(
      "SELECT identifier FROM login_attempts WHERE customer_id = $1 AND device_id = $2",
      [recipient, code.request_device_id],
    );
    expect(attempt.identifier).toBe(MISTYPED_NUMBER.typedNumber);
  });

  it("(e) scam-call reports: public and staff intake, repeated numbers for a watchlist, money lost", async () => {
    const { rows } = await db.query<{
      reference: string;
      source: string;
      contact_number_e164: string | null;
      money_lost_cents: number | null;
      customer_id: string | null;
    }>(
      "SELECT reference, source::text, contact_number_e164, money_lost_cents, customer_id FROM scam_reports",
    );
    expect(rows).toHaveLength(SCAM_REPORTS.length);
    for (const r of rows) expect(r.reference).toMatch(/^SR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(["PUBLIC_FORM", "STAFF"]));
    for (const number of Object.values(WATCHLIST_NUMBERS)) {
      expect(rows.filter((r) => r.contact_number_e164 === number).length).toBeGreaterThanOrEqual(2);
    }
    expect(rows.filter((r) => (r.money_lost_cents ?? 0) > 0).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.customer_id !== null).length).toBeGreaterThanOrEqual(2);
  });

  it("(f) lost phone: failed deliveries to the SMS factor and an open LOST_PHONE case", async () => {
    const id = await customerId("lostPhone");
    const failed = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM otp_deliveries WHERE customer_id = $1 AND status = 'FAILED' AND sent_at > $2",
      [id, new Date(NOW.getTime() - 24 * HOUR)],
    );
    expect(failed.n).toBe(LOST_PHONE.failedDeliveries);
    const factors = await db.query<{ type: string }>(
      "SELECT type::text FROM second_factors WHERE customer_id = $1 AND removed_at IS NULL",
      [id],
    );
    expect(factors.rows.map((f) => f.type)).toEqual(["SMS"]);
    const c = await one<{ status: string; email: string }>(
      "SELECT c.status::text, s.email FROM cases c JOIN staff_users s ON s.id = c.assignee_id WHERE c.customer_id = $1 AND c.type = 'LOST_PHONE'",
      [id],
    );
    expect(c).toEqual({ status: "IN_PROGRESS", email: DEMO_STAFF.agent.email });
  });

  it("(g) open cases of several types, assigned to demo staff, with notes", async () => {
    const { rows } = await db.query<{
      type: string;
      status: string;
      assignee: string | null;
      notes: number;
      number: number;
    }>(
      `SELECT c.type::text, c.status::text, s.email AS assignee, c.number, (SELECT count(*)::int FROM case_notes n WHERE n.case_id = c.id) AS notes
         FROM cases c LEFT JOIN staff_users s ON s.id = c.assignee_id ORDER BY c.number`,
    );
    expect(rows).toHaveLength(Object.keys(STORY_CASES).length);
    const open = rows.filter((r) => r.status !== "CLOSED");
    expect(new Set(open.map((r) => r.type)).size).toBeGreaterThanOrEqual(3);
    expect(open.filter((r) => r.assignee !== null).length).toBeGreaterThanOrEqual(3);
    for (const r of rows) expect(r.notes).toBeGreaterThan(0);
  });

  it("keeps the low-risk customer free of the reset risk signals", async () => {
    const id = await customerId("lowRisk");
    const week = new Date(NOW.getTime() - 7 * 24 * HOUR);
    const month = new Date(NOW.getTime() - 30 * 24 * HOUR);
    const recent = await one<{
      changes: number;
      reports: number;
      new_devices: number;
      abroad: number;
      flagged: boolean;
    }>(
      `SELECT (SELECT count(*)::int FROM account_changes WHERE customer_id = $1 AND occurred_at > $2) AS changes,
              (SELECT count(*)::int FROM scam_reports WHERE customer_id = $1) AS reports,
              (SELECT count(*)::int FROM login_attempts a WHERE customer_id = $1 AND occurred_at > $3
                 AND NOT EXISTS (SELECT 1 FROM login_attempts b WHERE b.customer_id = $1 AND b.device_id = a.device_id AND b.occurred_at <= $3)) AS new_devices,
              (SELECT count(*)::int FROM login_attempts WHERE customer_id = $1 AND country <> 'GB') AS abroad,
              (SELECT flagged_at IS NOT NULL FROM customers WHERE id = $1) AS flagged`,
      [id, week, month],
    );
    expect(recent).toEqual({ changes: 0, reports: 0, new_devices: 0, abroad: 0, flagged: false });
    const factors = await db.query<{ type: string }>(
      "SELECT type::text FROM second_factors WHERE customer_id = $1 ORDER BY type",
      [id],
    );
    expect(factors.rows.map((f) => f.type).sort()).toEqual(["AUTHENTICATOR_APP", "SMS"]);
  });
});

describe("stories as the console's risk signals see them", () => {
  const signalsOf = async (key: StoryCustomerKey) => {
    const input = await loadRiskInput(await customerId(key), NOW);
    if (!input) throw new Error(`no risk input for ${key}`);
    return new Set(computeRiskSignals(input).map((signal) => signal.code));
  };

  it("flags the OTP bombing as a burst", async () => {
    expect(await signalsOf("otpBombing")).toContain("OTP_BURST");
  });

  it("flags the takeover: new device, new country, impossible travel, recent scam report", async () => {
    const codes = await signalsOf("takeover");
    for (const code of ["NEW_DEVICE", "NEW_COUNTRY", "IMPOSSIBLE_TRAVEL", "RECENT_SCAM_REPORT"] as const) {
      expect(codes).toContain(code);
    }
  });

  it("flags an account the stuffing bot got a code for as touched by a shared address", async () => {
    const { rows } = await db.query<{ customer_id: string }>(
      "SELECT customer_id FROM login_attempts WHERE ip LIKE '203.0.113.%' AND outcome = 'CODE_SENT' LIMIT 1",
    );
    const id = rows[0]?.customer_id as string;
    const input = await loadRiskInput(id, NOW);
    expect(new Set(computeRiskSignals(input as NonNullable<typeof input>).map((s) => s.code))).toContain(
      "SHARED_IP",
    );
  });

  it("raises nothing for the low-risk customer", async () => {
    expect([...(await signalsOf("lowRisk"))]).toEqual([]);
  });
});

describe("stories as the customer page's verdict sees them", () => {
  const verdictOf = async (id: string) => (await assessCustomer(id, NOW)).verdict;

  it("Marcus Reid: likely takeover, led by the phone change from the attacker's new device", async () => {
    const verdict = await verdictOf(await customerId("takeover"));
    expect(verdict.kind).toBe("LIKELY_TAKEOVER");
    expect(verdict.because.join(" ")).toMatch(
      /Phone changed \+44 \S+ \S+ 456 → \+44 \S+ \S+ 666, .*first seen that day/,
    );
    expect(verdict.because.join(" ")).toMatch(/scam contact in report SR-/);
  });

  it("Olivia Bennett: under attack by OTP bombing, not a takeover", async () => {
    const verdict = await verdictOf(await customerId("otpBombing"));
    expect(verdict).toMatchObject({ kind: "UNDER_ATTACK", headline: expect.stringMatching(/OTP bombing/) });
  });

  it("an account the stuffing bot reached: under attack by credential stuffing", async () => {
    const { rows } = await db.query<{ customer_id: string }>(
      "SELECT customer_id FROM login_attempts WHERE ip LIKE '203.0.113.%' AND outcome = 'CODE_SENT' LIMIT 1",
    );
    const verdict = await verdictOf(rows[0]?.customer_id as string);
    expect(verdict).toMatchObject({
      kind: "UNDER_ATTACK",
      headline: expect.stringMatching(/credential stuffing/),
    });
  });

  it("the low-risk customer and the unrequested code: nothing points to a takeover", async () => {
    expect((await verdictOf(await customerId("lowRisk"))).kind).toBe("NOTHING_UNUSUAL");
    expect((await verdictOf(await customerId("unrequestedCode"))).kind).not.toBe("LIKELY_TAKEOVER");
  });

  it("lists signals high first", async () => {
    const { signals } = await assessCustomer(await customerId("takeover"), NOW);
    const severities = signals.map((signal) => signal.severity);
    expect(severities).toEqual(severities.toSorted((a, b) => (a === b ? 0 : a === "high" ? -1 : 1)));
  });
});

describe("refusal and reset", () => {
  it("refuses a database that already has customers, unless asked to reset it", async () => {
    await expect(seedDemoData(secondUrl, { ...OPTIONS, customers: 10 })).rejects.toBeInstanceOf(
      DemoDataRefusedError,
    );
    const client = new pg.Client({ connectionString: secondUrl });
    await client.connect();
    try {
      // The audit log refuses TRUNCATE (append-only): a reset must leave it alone, not fail on it.
      await client.query(
        "INSERT INTO audit_events (actor_type, action, prev_hash, hash) VALUES ('SYSTEM', 'test.before-reset', '', $1)",
        [`before-reset-${randomBytes(4).toString("hex")}`],
      );
      const report = await seedDemoData(secondUrl, {
        ...OPTIONS,
        customers: 10,
        attemptsPerCustomer: 3,
        reset: true,
      });
      expect(report.tables.customers).toBe(10 + Object.keys(STORY_CUSTOMERS).length);
      const { rows } = await client.query<{
        customers: number;
        staff: number;
        migrations: number;
        audit: number;
      }>(
        `SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM staff_users) AS staff,
                (SELECT count(*)::int FROM _prisma_migrations) AS migrations,
                (SELECT count(*)::int FROM audit_events WHERE action = 'test.before-reset') AS audit`,
      );
      expect(rows[0]?.customers).toBe(report.tables.customers);
      expect(rows[0]?.staff).toBe(Object.keys(DEMO_STAFF).length);
      // --reset empties the domain tables only: the migrations' bookkeeping and the audit log stay.
      expect(rows[0]?.migrations).toBeGreaterThan(0);
      expect(rows[0]?.audit).toBe(1);
    } finally {
      await client.end();
    }
  }, 120_000);
});
