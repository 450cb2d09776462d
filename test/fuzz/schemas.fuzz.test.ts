// Property-based tests (issue #8, fuzzing): every zod schema in lib/ gets random and hostile input.
// Whatever it is given, a schema answers without throwing, either with a value that PostgreSQL
// stores exactly (no NUL, which text columns refuse) or with issues that carry a message.
// The inventory test fails when a module exports a schema that is not fuzzed here.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { validateEvent } from "@/lib/ingest/schemas";
import { loginAttemptEvent, otpDeliveryEvent } from "@/test/factories/events";
import { anyInput, asUtf8, fieldValue, hostileRecord, MARKUP_PAYLOADS, stringsIn } from "./hostile-input";

// Enough runs to meet NUL, lone surrogates and 100 kB strings in every field, few enough to keep
// the whole file at a few seconds.
const RUNS = 150;
const ID = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";
const OTHER_ID = "9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";
const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 16);

type SafeParse = (
  input: unknown,
) =>
  { success: true; data: unknown } | { success: false; issues: { message: string; path: PropertyKey[] }[] };

type FuzzTarget = {
  /** A valid input: mutating a few of its fields reaches the code behind validation. */
  valid: unknown;
  /** Output fields that never reach the database as text (passwords are hashed, codes checked). */
  notStored?: string[];
  /** Content written by the team and checked at build time; never stored. */
  buildTimeOnly?: boolean;
  /** Documented in lib/scam-reports/schemas.ts: control and bidirectional characters are removed. */
  cleansControls?: boolean;
  /** Another entry point than safeParse (the ingest API refuses NUL before its schema runs). */
  parse?: SafeParse;
};

const viaValidateEvent: SafeParse = (input) => {
  const result = validateEvent(input);
  return result.ok
    ? { success: true, data: result.event }
    : {
        success: false,
        issues: result.errors.map((error) => ({ message: error.message, path: [error.field] })),
      };
};

const reportFields = {
  channel: "CALL",
  contact: "07700 900123",
  claimedOrganisation: "Your bank",
  claimedRole: "Fraud team",
  claimedName: "Sam",
  contactedAt: recent(60),
  timeZone: "Europe/London",
  asks: ["ONE_TIME_CODE"],
  shared: "no",
  moneyLost: "",
  story: "They called and asked for the code from my text message.",
  reporterName: "Pat",
  reporterEmail: "pat@example.com",
  reporterPhone: "07700 900456",
  customerEmail: "",
};

const enrolment = {
  name: "New Person",
  password: "a long unrelated passphrase",
  confirmPassword: "a long unrelated passphrase",
  totpSecret: "A".repeat(32),
  code: "123456",
};

/** A WebAuthn answer's shape (the schemas check the shape; the signatures are checked later). */
const registrationAnswer = {
  id: "Y3JlZGVudGlhbA",
  rawId: "Y3JlZGVudGlhbA",
  type: "public-key",
  response: { clientDataJSON: "e30", attestationObject: "o2NmbXRkbm9uZQ", transports: ["internal"] },
  clientExtensionResults: {},
};
const assertionAnswer = {
  id: "Y3JlZGVudGlhbA",
  rawId: "Y3JlZGVudGlhbA",
  type: "public-key",
  response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "MEUCIQ" },
  clientExtensionResults: {},
};

/** Every exported schema, by "file#export". */
const TARGETS: Record<string, FuzzTarget> = {
  "lib/customers/directory-schemas.ts#customerUpsertedSchema": {
    valid: {
      type: "customer_upserted",
      eventId: "evt_dir_2",
      occurredAt: "2026-12-01T10:00:00Z",
      customer: {
        externalId: "cus_FUZZ2",
        name: "Sam Example",
        email: "sam@example.com",
        status: "locked",
        createdAt: "2025-01-01T00:00:00Z",
      },
    },
  },
  "lib/customers/directory-schemas.ts#directoryEventSchema": {
    valid: {
      type: "customer_upserted",
      eventId: "evt_dir_1",
      occurredAt: "2026-12-01T10:00:00Z",
      version: 3,
      customer: {
        externalId: "cus_FUZZ",
        name: "Pat Example",
        email: "pat@example.com",
        phone: "+447700900123",
        country: "GB",
        status: "active",
        createdAt: "2025-01-01T00:00:00Z",
      },
    },
  },
  "lib/integrations/schemas.ts#createEndpointSchema": {
    valid: {
      name: "Identity system",
      format: "STANDARD_WEBHOOKS",
      url: "https://idp.example.com/desk-events",
      actionKinds: ["ACCOUNT_LOCKED"],
      reason: "Connect the identity system",
    },
  },
  "lib/integrations/schemas.ts#endpointChangeSchema": {
    valid: { endpointId: ID, reason: "Yearly rotation" },
  },
  "lib/integrations/schemas.ts#pauseEndpointSchema": { valid: { endpointId: ID, paused: "1" } },
  "lib/integrations/schemas.ts#redeliverSchema": { valid: { deliveryId: ID } },
  "lib/integrations/schemas.ts#testDeliverySchema": { valid: { endpointId: ID } },
  "lib/account-actions/schemas.ts#protectiveActionSchema": {
    valid: {
      customerId: ID,
      action: "end-session",
      sessionId: OTHER_ID,
      reason: "Lost phone, ticket 4",
      customerVersion: "2026-12-03T10:00:00.000Z",
    },
  },
  "lib/account-actions/schemas.ts#restoreContactSchema": {
    valid: {
      customerId: ID,
      field: "phone",
      reason: "Attacker changed it",
      customerVersion: "2026-12-03T10:00:00.000Z",
    },
  },
  "lib/account-actions/schemas.ts#restoreDecisionSchema": {
    valid: { restoreId: ID, decision: "reject", note: "Not convinced." },
  },
  "lib/account-actions/schemas.ts#unlockSchema": {
    valid: { customerId: ID, reason: "Verified on a call back", customerVersion: "2026-12-03T10:00:00.000Z" },
  },
  "lib/api-keys/schemas.ts#apiKeyNameField": { valid: "Identity system" },
  "lib/api-keys/schemas.ts#createApiKeySchema": {
    valid: { name: "Identity system", scopes: "EVENTS_WRITE", reason: "New integration" },
  },
  "lib/api-keys/schemas.ts#revokeApiKeySchema": { valid: { keyId: ID, reason: "Key leaked in a log" } },
  "lib/audit/audit-queries.ts#auditFiltersSchema": {
    valid: {
      actor: "admin@desk.example",
      action: "staff.sign_in",
      target: ID,
      customer: "cus_8f3a2c",
      from: "2026-11-01",
      to: "2026-11-20",
      before: "100",
    },
  },
  "lib/auth/passkey-schemas.ts#passkeyNameField": { valid: "Work laptop" },
  "lib/auth/passkey-schemas.ts#passkeyEnrolmentStartSchema": { valid: { name: "Work laptop" } },
  "lib/auth/passkey-schemas.ts#passkeyEnrolmentSchema": {
    valid: { name: "Work laptop", response: JSON.stringify(registrationAnswer) },
    // The answer is verified, never stored as text: only the credential id and key it proves are.
    notStored: ["response"],
  },
  "lib/auth/passkey-schemas.ts#passkeyAssertionSchema": {
    valid: { response: JSON.stringify(assertionAnswer) },
    notStored: ["response"],
  },
  "lib/auth/passkey-schemas.ts#passkeyRemovalSchema": { valid: { passkeyId: ID } },
  "lib/auth/passkey-schemas.ts#passkeyOptionsSchema": { valid: {} },
  "lib/auth/schemas.ts#emailField": { valid: "name@example.com" },
  "lib/auth/schemas.ts#enrolmentSchema": {
    valid: enrolment,
    notStored: ["password", "confirmPassword", "code"],
  },
  "lib/auth/schemas.ts#firstAdminSchema": {
    valid: { ...enrolment, email: "first@example.com" },
    notStored: ["password", "confirmPassword", "code"],
  },
  "lib/auth/schemas.ts#inviteAcceptanceSchema": {
    valid: { ...enrolment, token: "A".repeat(43) },
    notStored: ["password", "confirmPassword", "code"],
  },
  "lib/auth/schemas.ts#newPasswordField": { valid: "a long unrelated passphrase", notStored: ["*"] },
  "lib/auth/schemas.ts#signInSchema": {
    valid: { email: "a@example.com", password: "secret", code: "123456" },
    notStored: ["password", "code"],
  },
  "lib/auth/schemas.ts#stepUpSchema": { valid: { code: "123456" }, notStored: ["code"] },
  "lib/auth/schemas.ts#totpCodeField": { valid: "123456", notStored: ["*"] },
  "lib/cases/schemas.ts#bulkAssignSchema": { valid: { caseIds: [ID], assigneeId: ID } },
  "lib/cases/schemas.ts#bulkCaseStatusSchema": {
    valid: { caseIds: [ID, OTHER_ID], status: "CLOSED", outcome: "Phones recovered." },
  },
  "lib/cases/schemas.ts#caseAssignSchema": { valid: { caseId: ID, assigneeId: OTHER_ID } },
  "lib/cases/schemas.ts#caseNoteSchema": { valid: { caseId: ID, body: "Called the customer back." } },
  "lib/cases/schemas.ts#caseStatusSchema": {
    valid: { caseId: ID, status: "CLOSED", outcome: "Factors reset." },
  },
  "lib/cases/schemas.ts#checklistSchema": { valid: { caseId: ID, item: "verify-identity", done: "true" } },
  "lib/cases/schemas.ts#openCaseSchema": {
    valid: { customerId: ID, type: "LOST_PHONE", subject: "Lost phone", note: "First note" },
  },
  "lib/customers/schemas.ts#revealFieldSchema": {
    valid: { customerId: ID, field: "phone", reason: "Caller verified, ticket 4411" },
  },
  "lib/content/article-schema.ts#articleFrontmatterSchema": {
    valid: {
      title: "A title",
      summary: "A summary of twenty characters or more.",
      category: "scams",
      tags: ["otp"],
      updated: "2026-11-20",
      audience: "customers",
    },
    buildTimeOnly: true,
  },
  "lib/content/article-schema.ts#categoriesSchema": {
    valid: [{ slug: "scams", title: "Scams", description: "Scam calls and texts.", order: 1 }],
    buildTimeOnly: true,
  },
  "lib/content/article-schema.ts#categorySchema": {
    valid: { slug: "scams", title: "Scams", description: "Scam calls and texts.", order: 1 },
    buildTimeOnly: true,
  },
  "lib/content/article-schema.ts#faqEntrySchema": {
    valid: { q: "A question?", a: "An answer of some length." },
    buildTimeOnly: true,
  },
  "lib/customers/activity-filters.ts#attemptFiltersSchema": {
    valid: {
      outcome: "SUCCESS",
      from: "2026-11-01",
      to: "",
      ip: "203.0.113.5",
      country: "gb",
      device: "dev_1",
      cursor: "",
    },
  },
  "lib/customers/activity-filters.ts#deliveryFiltersSchema": {
    valid: { purpose: "SIGN_IN", channel: "SMS", status: "SENT", from: "", to: "2026-11-20", cursor: "abc" },
  },
  "lib/feedback/schemas.ts#articleFeedbackSchema": {
    valid: { articleSlug: "what-is-a-one-time-passcode", helpful: "no", comment: "Too long." },
  },
  // The envelope only checks that events is an array; each element then goes through validateEvent (fuzzed below).
  "lib/ingest/schemas.ts#batchEnvelopeSchema": { valid: { events: [{}] }, notStored: ["events"] },
  "lib/ingest/schemas.ts#ingestEventSchema": { valid: otpDeliveryEvent(), parse: viaValidateEvent },
  "lib/ingest/schemas.ts#loginAttemptEventSchema": { valid: loginAttemptEvent(), parse: viaValidateEvent },
  "lib/ingest/schemas.ts#otpDeliveryEventSchema": { valid: otpDeliveryEvent(), parse: viaValidateEvent },
  "lib/resets/schemas.ts#notMeSchema": {
    valid: { token: "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b.1796200000.abcdefghijklmnopqrstuvwxyzABCDEF" },
  },
  "lib/resets/schemas.ts#resetDecisionSchema": {
    valid: { resetId: ID, decision: "approve", note: "Checked." },
  },
  "lib/saved-views/schemas.ts#saveViewSchema": {
    valid: { list: "CASES", name: "Urgent first", query: "status=OPEN&sort=-priority" },
  },
  "lib/saved-views/schemas.ts#deleteViewSchema": { valid: { viewId: ID, list: "AUDIT" } },
  "lib/caller-verification/schemas.ts#verificationRequestSchema": {
    valid: { customerId: ID, contact: "previous-phone", purpose: "FACTOR_RESET" },
  },
  "lib/caller-verification/schemas.ts#verificationCancelSchema": {
    valid: { customerId: ID, verificationId: OTHER_ID },
  },
  "lib/caller-verification/schemas.ts#verificationAnswerSchema": {
    valid: { token: "q7VnQ0m1c9xYfN3bLr8T2wKp5HsJd6Ue4Ga1Zo0Ii2A", answer: "yes" },
  },
  "lib/caller-verification/schemas.ts#clearResetBlockSchema": {
    valid: { customerId: ID, reason: "Spoke to the customer on the old number" },
  },
  "lib/resets/schemas.ts#resetRequestSchema": {
    valid: {
      customerId: ID,
      caseId: "",
      factorIds: [OTHER_ID],
      verificationMethod: "OTHER",
      verificationDetail: "Video call",
      callerVerificationId: "",
      reason: "Lost phone",
      revokeSessions: "on",
    },
  },
  "lib/feedback/schemas.ts#markFeedbackHandledSchema": {
    valid: { feedbackId: "3f2b8c1e-9d4a-4e6b-8f7a-1c2d3e4f5a6b" },
  },
  // Masked and counted; the mask keeps letters, digits as [number], and no markup characters.
  "lib/feedback/schemas.ts#searchMissSchema": { valid: { query: "refund call", outcome: "no-results" } },
  "lib/scam-reports/schemas.ts#bulkAssignReportsSchema": { valid: { reportIds: [ID], assigneeId: ID } },
  "lib/scam-reports/schemas.ts#bulkReportStatusSchema": { valid: { reportIds: [ID], status: "TRIAGED" } },
  "lib/scam-reports/schemas.ts#analyticsFiltersSchema": { valid: { days: "90" } },
  "lib/scam-reports/schemas.ts#linkCustomerSchema": {
    valid: { reference: "SR-4KX9-2M7Q", customer: "olivia@example.com" },
    cleansControls: true,
  },
  "lib/scam-reports/schemas.ts#openCaseFromReportSchema": {
    valid: { reference: "SR-4KX9-2M7Q", subject: "Scam call" },
    cleansControls: true,
  },
  "lib/scam-reports/schemas.ts#publicReportSchema": { valid: reportFields, cleansControls: true },
  "lib/scam-reports/schemas.ts#queueFiltersSchema": {
    valid: {
      status: "open",
      assignee: "me",
      channel: "CALL",
      source: "",
      q: "0770",
      sort: "loss",
      cursor: "",
    },
  },
  // Prefills the report form; what is stored goes through publicReportSchema on submit.
  "lib/scam-reports/schemas.ts#reportPrefillSchema": {
    valid: { channel: "TEXT", contact: "0800 123 4567", asks: ["ONE_TIME_CODE"], story: "Read us the code." },
    notStored: ["*"],
    cleansControls: true,
  },
  "lib/scam-reports/schemas.ts#staffReportSchema": {
    valid: { ...reportFields, customer: "olivia@example.com", caseNumber: "C-1042" },
    cleansControls: true,
  },
  "lib/scam-reports/schemas.ts#triageSchema": {
    valid: { reference: "sr 4kx9 2m7q", status: "TRIAGED", assigneeId: "" },
  },
  "lib/staff/schemas.ts#changeRoleSchema": {
    valid: { staffId: ID, role: "SUPERVISOR", reason: "Promoted to team lead" },
  },
  "lib/staff/schemas.ts#inviteDecisionSchema": {
    valid: { inviteId: ID, reason: "Sent to the wrong address" },
  },
  "lib/staff/schemas.ts#inviteSchema": {
    valid: { email: "new@desk.example", name: "New Person", role: "AGENT", reason: "Joined the team" },
  },
  "lib/staff/schemas.ts#reasonField": { valid: "Customer called in" },
  "lib/staff/schemas.ts#revokeSessionSchema": { valid: { sessionId: ID } },
  "lib/staff/schemas.ts#roleField": { valid: "ADMIN" },
  "lib/staff/schemas.ts#signInPolicySchema": {
    valid: {
      requireSupervisors: "on",
      requireAdmins: "on",
      breakGlassStaffId: ID,
      reason: "Phishing-resistant approvers",
    },
  },
  "lib/staff/schemas.ts#staffActiveSchema": {
    valid: { staffId: ID, reason: "Left the company", active: "false" },
  },
  "lib/staff/schemas.ts#staffIdField": { valid: ID },
  "lib/staff/schemas.ts#staffReasonSchema": { valid: { staffId: ID, reason: "Left the company" } },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Exported zod schemas of every lib module that uses zod, found by loading the modules. */
async function discoverSchemas(): Promise<Map<string, z.ZodType>> {
  const files = walk("lib").filter(
    (file) =>
      /\.tsx?$/.test(file) &&
      !/\.test\.tsx?$/.test(file) &&
      !file.startsWith("lib/generated/") &&
      /^import \{[^}]*\bz\b[^}]*\} from "zod";/m.test(readFileSync(file, "utf8")),
  );
  const schemas = new Map<string, z.ZodType>();
  for (const file of files) {
    const exports = (await import(path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports))
      if (value instanceof z.ZodType) schemas.set(`${file}#${name}`, value);
  }
  return schemas;
}

type Def = {
  type: string;
  shape?: Record<string, unknown>;
  entries?: Record<string, string>;
  values?: unknown[];
} & Record<string, unknown>;

/** Object keys and enum/literal values anywhere inside a schema: the vocabulary the fuzzer mixes in. */
function vocabulary(
  schema: unknown,
  keys = new Set<string>(),
  words = new Set<string>(),
  seen = new Set<unknown>(),
): { keys: string[]; words: string[] } {
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (def && !seen.has(schema)) {
    seen.add(schema);
    for (const [key, inner] of Object.entries(def.shape ?? {})) {
      keys.add(key);
      vocabulary(inner, keys, words, seen);
    }
    for (const value of Object.values(def.entries ?? {})) words.add(String(value));
    for (const value of def.values ?? []) if (typeof value === "string") words.add(value);
    for (const child of ["in", "out", "innerType", "element", "left", "right", "schema"])
      if (def[child]) vocabulary(def[child], keys, words, seen);
    for (const option of (def.options as unknown[] | undefined) ?? []) vocabulary(option, keys, words, seen);
  }
  return { keys: [...keys], words: [...words] };
}

/** Valid input with a few fields replaced, removed or added; or something else entirely. */
function inputsFor(target: FuzzTarget, schema: z.ZodType): fc.Arbitrary<unknown> {
  const { keys, words } = vocabulary(schema);
  const valid = target.valid;
  const mutated =
    typeof valid === "object" && valid !== null && !Array.isArray(valid)
      ? fc
          .tuple(
            hostileRecord(keys, words),
            fc.subarray(Object.keys(valid), { maxLength: Math.min(2, Object.keys(valid).length) }),
          )
          .map(([changes, removed]) => {
            const input: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
            for (const key of removed) delete input[key];
            for (const key of Object.keys(changes))
              Object.defineProperty(input, key, {
                value: changes[key],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            return input;
          })
      : fieldValue(words);
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: hostileRecord(keys, words) },
    { weight: 1, arbitrary: anyInput },
    { weight: 1, arbitrary: fc.constant(valid) },
  );
}

/**
 * Fixed cases run before the random ones, so the sharpest inputs are always tried: each text field
 * of the valid example with a NUL, a lone surrogate or markup inside it.
 */
function sharpExamples(target: FuzzTarget): [unknown][] {
  const { valid } = target;
  const variants = (text: string) => [
    `${text}\u0000${text}`,
    `${text}\ud800`,
    `${text}${MARKUP_PAYLOADS[0]}`,
  ];
  if (typeof valid === "string") return variants(valid).map((value) => [value]);
  if (typeof valid !== "object" || valid === null || Array.isArray(valid)) return [];
  return Object.entries(valid).flatMap(([key, text]) =>
    typeof text === "string" ? variants(text).map((value): [unknown] => [{ ...valid, [key]: value }]) : [],
  );
}

function storedStrings(target: FuzzTarget, data: unknown): string[] {
  if (target.buildTimeOnly || target.notStored?.includes("*")) return [];
  if (typeof data !== "object" || data === null) return stringsIn(data);
  const kept: unknown[] = Object.entries(data as Record<string, unknown>).flatMap(([key, value]) =>
    target.notStored?.includes(key) ? [] : [value],
  );
  return stringsIn(kept);
}

// What lib/scam-reports/schemas.ts documents it removes (tab, line feed and carriage return stay).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

let database: pg.Client;
beforeAll(async () => {
  database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
});
afterAll(async () => {
  await database.end();
});

/** The strings as PostgreSQL gives them back from text parameters; throws where PostgreSQL refuses one. */
async function throughPostgres(values: string[]): Promise<string[]> {
  const result = await database.query<{ value: string }>("SELECT unnest($1::text[]) AS value", [values]);
  return result.rows.map((row) => row.value);
}

describe("zod schemas under random and hostile input", () => {
  it("every exported schema in lib/ has a fuzz target, and every target still exists", async () => {
    const discovered = [...(await discoverSchemas()).keys()].toSorted();
    expect(discovered.length).toBeGreaterThan(30);
    expect(discovered).toEqual(Object.keys(TARGETS).toSorted());
  });

  for (const [name, target] of Object.entries(TARGETS)) {
    it(`${name}: never throws; accepts only values PostgreSQL stores unchanged, or names the problem`, async () => {
      const schemas = await discoverSchemas();
      const schema = schemas.get(name);
      if (!schema) throw new Error(`${name} is not exported any more`);
      const parse: SafeParse =
        target.parse ??
        ((input) => {
          const result = schema.safeParse(input);
          return result.success
            ? { success: true, data: result.data }
            : { success: false, issues: result.error.issues };
        });

      // The valid example itself parses: otherwise the mutations below would only probe refusals.
      expect(parse(target.valid).success, `${name} refuses its own valid example`).toBe(true);

      await fc.assert(
        fc.asyncProperty(inputsFor(target, schema), async (input) => {
          const result = parse(input);
          if (!result.success) {
            expect(result.issues.length).toBeGreaterThan(0);
            for (const issue of result.issues) {
              expect(typeof issue.message).toBe("string");
              expect(issue.message.trim()).not.toBe("");
              expect(Array.isArray(issue.path)).toBe(true);
            }
            return;
          }
          const strings = storedStrings(target, result.data);
          for (const value of strings)
            expect(
              value.includes("\u0000"),
              `${name} accepted a NUL character, which PostgreSQL text cannot hold`,
            ).toBe(false);
          if (target.cleansControls) for (const value of strings) expect(value).not.toMatch(CONTROL_OR_BIDI);
          if (strings.length > 0) expect(await throughPostgres(strings)).toEqual(strings.map(asUtf8));
        }),
        { numRuns: RUNS, examples: sharpExamples(target) },
      );
    });
  }
});
