// Property-based fuzzing of every server action over HTTP (issue #8): fast-check builds hostile
// form data (valid forms with a field made hostile, random and missing fields, huge values, wrong
// types, NUL and markup) and sometimes arguments of the wrong shape altogether, and each action is
// called as an anonymous visitor and as a stepped-up admin, against the production build. None of
// them may answer with a 5xx.
// A new action without an entry in ACTION_FORMS fails the inventory test.
import { randomBytes } from "node:crypto";
import { expect, test } from "./support/test";
import fc from "fast-check";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { fieldValue, hostileRecord, hostileString } from "../test/fuzz/hostile-input";
import { actionIds, discoverActions } from "./support/app-inventory";
import { withE2eDatabase } from "./support/db";
import { callServerAction, signInOverHttp, type CookieJar } from "./support/http-session";
import { totpCode, waitForNextStep } from "./support/totp";

/** Cases per action and visitor: enough to meet each kind of hostile value, short enough for CI. */
const CASES_PER_ACTION = 20;

const recentWallClock = () => new Date(Date.now() - 3_600_000).toISOString().slice(0, 16);
const REPORT = {
  channel: "CALL",
  // No caller number: the reports this test files must not join the watchlist other specs look at.
  contact: "",
  claimedOrganisation: "Your bank",
  claimedRole: "Fraud team",
  claimedName: "Sam",
  contactedAt: recentWallClock(),
  timeZone: "UTC",
  asks: "ONE_TIME_CODE",
  shared: "no",
  moneyLost: "",
  currency: "",
  paymentMethod: "",
  story: "They called and asked me to read out the code from my text.",
  reporterName: "Pat",
  reporterEmail: "",
  reporterPhone: "",
  customerEmail: "",
};
const ENROLMENT = {
  name: "Fuzz Person",
  password: "a long unrelated passphrase",
  confirmPassword: "a long unrelated passphrase",
  totpSecret: "A".repeat(32),
  code: "123456",
};

const REGISTRATION = {
  id: "ZnV6ei1jcmVkZW50aWFs",
  rawId: "ZnV6ei1jcmVkZW50aWFs",
  type: "public-key",
  response: { clientDataJSON: "e30", attestationObject: "o2NmbXRkbm9uZQ", transports: ["internal"] },
  clientExtensionResults: {},
};
const ASSERTION = {
  id: "ZnV6ei1jcmVkZW50aWFs",
  rawId: "ZnV6ei1jcmVkZW50aWFs",
  type: "public-key",
  response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "MEUCIQ" },
  clientExtensionResults: {},
};

type Form = Record<string, string | string[]>;

/**
 * A valid form for each action ("file#export"), which the fuzzer mutates one field at a time so the
 * hostile value reaches the code behind validation; ":customer", ":case", ":staff", ":factor",
 * ":report" (":reportId"), ":invite" and ":formToken" stand for rows made for this test. `bound` counts the arguments bound
 * before (state, formData), such as the token from the URL.
 */
const ACTION_FORMS: Record<string, { valid: Form; bound?: number }> = {
  "app/console/step-up-action.ts#confirmStepUp": { valid: { code: "000000" } },
  "app/console/session-actions.ts#signOutEverywhereAction": { valid: {} },
  // Shapes of a browser's WebAuthn answers: they pass the schema, and verification refuses them.
  "app/console/step-up-action.ts#confirmStepUpWithPasskey": {
    valid: { response: JSON.stringify(ASSERTION) },
  },
  "app/console/passkey-actions.ts#startPasskeyEnrolmentAction": { valid: { name: "Fuzz passkey" } },
  "app/console/passkey-actions.ts#enrolPasskeyAction": {
    valid: { name: "Fuzz passkey", response: JSON.stringify(REGISTRATION) },
  },
  "app/console/passkey-actions.ts#removePasskeyAction": { valid: { passkeyId: ":case" } },
  "app/console/passkey-actions.ts#startPasskeyStepUpAction": { valid: {} },
  "app/console/sign-in/actions.ts#startPasskeySignInAction": { valid: {} },
  "app/console/session-actions.ts#revokeSessionAction": { valid: { sessionId: ":case" } },
  "app/console/saved-view-actions.ts#saveViewAction": {
    valid: { list: "CASES", name: "Fuzz view", query: "status=OPEN&sort=-priority" },
  },
  "app/console/saved-view-actions.ts#deleteViewAction": { valid: { viewId: ":case", list: "CASES" } },
  "app/console/(signed-in)/staff/actions.ts#inviteStaffAction": {
    valid: {
      email: "fuzz-invite@desk.example",
      name: "Fuzz Invite",
      role: "AGENT",
      reason: "Fuzzing the invitation form",
    },
  },
  "app/console/(signed-in)/staff/actions.ts#resendInviteAction": {
    valid: { inviteId: ":invite", reason: "Fuzzing invitation resends" },
  },
  "app/console/(signed-in)/staff/actions.ts#revokeInviteAction": {
    valid: { inviteId: ":invite", reason: "Fuzzing invitation revokes" },
  },
  "app/console/(signed-in)/staff/actions.ts#changeRoleAction": {
    valid: { staffId: ":staff", role: "SUPERVISOR", reason: "Fuzzing role changes" },
  },
  "app/console/(signed-in)/staff/actions.ts#setStaffActiveAction": {
    valid: { staffId: ":staff", active: "false", reason: "Fuzzing deactivation" },
  },
  "app/console/(signed-in)/staff/actions.ts#unlockStaffAction": {
    valid: { staffId: ":staff", reason: "Fuzzing unlocks" },
  },
  "app/console/(signed-in)/staff/actions.ts#resetStaffTotpAction": {
    valid: { staffId: ":staff", reason: "Fuzzing authenticator resets" },
  },
  // Nothing ticked: the valid form leaves the policy as the suite needs it (the spec clears it after).
  "app/console/(signed-in)/staff/actions.ts#updateSignInPolicyAction": {
    valid: { breakGlassStaffId: "", reason: "Fuzzing the sign-in policy" },
  },
  "app/console/(signed-in)/customers/[customerId]/actions.ts#revealCustomerFieldAction": {
    valid: { customerId: ":customer", field: "email", reason: "Fuzzing reveals" },
  },
  "app/console/(signed-in)/customers/[customerId]/actions.ts#requestResetAction": {
    valid: {
      customerId: ":customer",
      caseId: ":case",
      factorIds: ":factor",
      verificationMethod: "OTHER",
      verificationDetail: "Video call",
      reason: "Fuzzing resets",
      revokeSessions: "on",
    },
  },
  "app/console/(signed-in)/approvals/actions.ts#decideResetAction": {
    valid: { resetId: ":case", decision: "approve", note: "Checked" },
  },
  "app/console/(signed-in)/approvals/actions.ts#decideRestoreAction": {
    valid: { restoreId: ":case", decision: "reject", note: "Checked" },
  },
  // The customer's version is a timestamp: fuzzed values are refused as out of date, never applied.
  "app/console/(signed-in)/customers/[customerId]/actions.ts#protectAccountAction": {
    valid: {
      customerId: ":customer",
      action: "require-password",
      sessionId: "",
      reason: "Fuzzing account actions",
      customerVersion: "2026-12-03T10:00:00.000Z",
    },
  },
  "app/console/(signed-in)/customers/[customerId]/actions.ts#unlockAccountAction": {
    valid: { customerId: ":customer", reason: "Fuzzing unlock", customerVersion: "2026-12-03T10:00:00.000Z" },
  },
  "app/console/(signed-in)/customers/[customerId]/actions.ts#restoreContactAction": {
    valid: {
      customerId: ":customer",
      field: "phone",
      reason: "Fuzzing restore",
      customerVersion: "2026-12-03T10:00:00.000Z",
    },
  },
  // A case id where the customer's goes: every fuzzed request is refused before anything is sent,
  // so the fuzzer never spends the demo agents' rate limits or leaves a request waiting.
  "app/console/(signed-in)/customers/[customerId]/actions.ts#requestCallerVerificationAction": {
    valid: { customerId: ":case", contact: "email", purpose: "FACTOR_RESET" },
  },
  "app/console/(signed-in)/customers/[customerId]/actions.ts#cancelCallerVerificationAction": {
    valid: { customerId: ":customer", verificationId: ":case" },
  },
  "app/console/(signed-in)/customers/[customerId]/actions.ts#clearResetBlockAction": {
    valid: { customerId: ":case", reason: "Fuzzing the block" },
  },
  "app/console/(signed-in)/cases/actions.ts#openCaseAction": {
    valid: { customerId: ":customer", type: "LOST_PHONE", subject: "Fuzz case", note: "First note" },
  },
  "app/console/(signed-in)/cases/actions.ts#addNoteAction": {
    valid: { caseId: ":case", body: "Called the customer back." },
  },
  "app/console/(signed-in)/cases/actions.ts#setCaseStatusAction": {
    valid: { caseId: ":case", status: "IN_PROGRESS", outcome: "" },
  },
  "app/console/(signed-in)/cases/actions.ts#bulkAssignCasesAction": {
    valid: { caseIds: [":case"], assigneeId: ":staff" },
  },
  "app/console/(signed-in)/cases/actions.ts#bulkCaseStatusAction": {
    valid: { caseIds: [":case"], status: "IN_PROGRESS", outcome: "" },
  },
  "app/console/(signed-in)/cases/actions.ts#assignCaseAction": { valid: { caseId: ":case", assigneeId: "" } },
  "app/console/(signed-in)/cases/actions.ts#checklistAction": {
    valid: { caseId: ":case", item: "verify-identity", done: "true" },
  },
  "app/not-me/[token]/actions.ts#confirmNotMe": {
    valid: { token: "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b.1796200000.abcdefghijklmnopqrstuvwxyzABCDEF" },
  },
  "app/verify/[token]/actions.ts#answerVerification": {
    valid: { token: "q7VnQ0m1c9xYfN3bLr8T2wKp5HsJd6Ue4Ga1Zo0Ii2A", answer: "no" },
  },
  "app/console/(signed-in)/api-keys/actions.ts#createApiKeyAction": {
    valid: { name: "Fuzz key", scopes: "EVENTS_WRITE", reason: "Fuzzing API keys" },
  },
  "app/console/(signed-in)/api-keys/actions.ts#revokeApiKeyAction": {
    valid: { keyId: ":case", reason: "Fuzzing revocation" },
  },
  // A poll endpoint with a key that does not exist: validation and the refusal are reached, and no
  // endpoint the fuzzer invents starts receiving (and failing) the suite's account actions.
  "app/console/(signed-in)/integrations/actions.ts#createEndpointAction": {
    valid: { name: "Fuzz endpoint", format: "POLL", apiKeyId: ":case", reason: "Fuzzing endpoints" },
  },
  "app/console/(signed-in)/integrations/actions.ts#rotateSecretAction": {
    valid: { endpointId: ":case", reason: "Fuzzing rotation" },
  },
  "app/console/(signed-in)/integrations/actions.ts#pauseEndpointAction": {
    valid: { endpointId: ":case", paused: "1" },
  },
  "app/console/(signed-in)/integrations/actions.ts#removeEndpointAction": {
    valid: { endpointId: ":case", reason: "Fuzzing removal" },
  },
  "app/console/(signed-in)/integrations/actions.ts#testDeliveryAction": { valid: { endpointId: ":case" } },
  "app/console/(signed-in)/integrations/actions.ts#redeliverAction": { valid: { deliveryId: ":case" } },
  // A uuid that names no feedback row: validation and the "already handled" refusal are reached.
  "app/console/(signed-in)/help-center/actions.ts#markFeedbackHandledAction": {
    valid: { feedbackId: ":case" },
  },
  "app/console/(signed-in)/scam-reports/new/actions.ts#recordScamReportAction": {
    valid: { ...REPORT, customer: "", caseNumber: "" },
  },
  "app/console/(signed-in)/scam-reports/actions.ts#bulkAssignReportsAction": {
    valid: { reportIds: [":reportId"], assigneeId: ":staff" },
  },
  "app/console/(signed-in)/scam-reports/actions.ts#bulkReportStatusAction": {
    valid: { reportIds: [":reportId"], status: "TRIAGED" },
  },
  "app/console/(signed-in)/scam-reports/[reference]/actions.ts#triageScamReportAction": {
    valid: { reference: ":report", status: "TRIAGED", assigneeId: "" },
  },
  "app/console/(signed-in)/scam-reports/[reference]/actions.ts#linkCustomerAction": {
    valid: { reference: ":report", customer: ":customer" },
  },
  "app/console/(signed-in)/scam-reports/[reference]/actions.ts#openCaseFromReportAction": {
    valid: { reference: ":report", subject: "From a report" },
  },
  "app/report/actions.ts#submitScamReport": { valid: { ...REPORT, formToken: ":formToken", website: "" } },
  "app/setup/actions.ts#setUpFirstAdmin": { valid: { ...ENROLMENT, email: "fuzz-first@desk.example" } },
  "app/invite/[token]/actions.ts#acceptInvitation": { valid: { ...ENROLMENT, token: "A".repeat(43) } },
};

/** Step-up failures count towards the admin's lockout, and the session-ending actions end the session: run them last. */
// The sign-in policy comes late too: a mutation that ticks "Admins" sends the fuzzing admin to add
// a passkey, and every later action would only see that redirect.
const RUN_LAST = ["#updateSignInPolicyAction", "#confirmStepUp", "#signOutEverywhereAction"];

type Targets = Record<string, string>;

/** Rows of its own for the actions to work on, so the fuzzing cannot disturb the demo stories other specs use. */
async function createFuzzTargets(baseURL: string): Promise<Targets> {
  const tag = randomBytes(4).toString("hex");
  // Crockford base32 without I, L, O, U: the form references take.
  const reference = `SR-${[...randomBytes(8)]
    .map((byte) => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[byte % 32])
    .join("")
    .replace(/^(.{4})(.{4})$/, "$1-$2")}`;
  // The public form's signed timing token, from the page as a browser gets it.
  const html = await (await fetch(`${baseURL}/report`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return withE2eDatabase(async (db) => {
    const customer = await db.query<{ id: string }>(
      "INSERT INTO customers (external_id, full_name, name_key, email, email_normalized) VALUES ($1, 'Fuzz Target', 'fuzz target', $2, $2) RETURNING id",
      [`fuzz_${tag}`, `fuzz-${tag}@example.com`],
    );
    const customerId = customer.rows[0]?.id ?? "";
    const factor = await db.query<{ id: string }>(
      "INSERT INTO second_factors (customer_id, type, label) VALUES ($1, 'SMS', 'Phone') RETURNING id",
      [customerId],
    );
    const kase = await db.query<{ id: string }>(
      "INSERT INTO cases (customer_id, type, subject) VALUES ($1, 'LOST_PHONE', 'Fuzz target case') RETURNING id",
      [customerId],
    );
    const staff = await db.query<{ id: string }>(
      "INSERT INTO staff_users (email, name) VALUES ($1, 'Fuzz Target') RETURNING id",
      [`fuzz-${tag}@desk.example`],
    );
    const report = await db.query<{ id: string }>(
      "INSERT INTO scam_reports (reference, source, channel, contacted_at, story) VALUES ($1, 'STAFF', 'CALL', now(), 'Fuzz target report') RETURNING id",
      [reference],
    );
    const invite = await db.query<{ id: string }>(
      `INSERT INTO staff_invites (email, name, role, token_hash, invited_by_id, expires_at)
       SELECT $1, 'Fuzz Invitee', 'AGENT', $2, id, now() + interval '1 day' FROM staff_users WHERE email = $3
       RETURNING id`,
      [`fuzz-invitee-${tag}@desk.example`, randomBytes(32).toString("hex"), DEMO_STAFF.admin.email],
    );
    return {
      ":customer": customerId,
      ":factor": factor.rows[0]?.id ?? "",
      ":case": kase.rows[0]?.id ?? "",
      ":staff": staff.rows[0]?.id ?? "",
      ":report": reference,
      ":invite": invite.rows[0]?.id ?? "",
      ":reportId": report.rows[0]?.id ?? "",
      ":formToken": formToken,
    };
  });
}

function fillIn(form: Form, targets: Targets): Form {
  const resolve = (value: string) => targets[value] ?? value;
  return Object.fromEntries(
    Object.entries(form).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map(resolve) : resolve(value),
    ]),
  );
}

function toFormData(record: Record<string, unknown>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value])
      formData.append(key, typeof item === "string" ? item : (JSON.stringify(item) ?? "undefined"));
  }
  return formData;
}

type Call = { args: unknown[]; summary: string };

function call(before: unknown[], record: Record<string, unknown>): Call {
  return {
    args: [...before, { status: "idle" }, toFormData(record)],
    summary: JSON.stringify(record).slice(0, 300),
  };
}

/** Values a field of these forms can take when it is right, to get past the first check now and then. */
const VOCABULARY = [
  "AGENT",
  "SUPERVISOR",
  "ADMIN",
  "OPEN",
  "CLOSED",
  "LOST_PHONE",
  "CALL",
  "ONE_TIME_CODE",
  "OTHER",
  "approve",
  "reject",
  "email",
  "phone",
  "EVENTS_WRITE",
  "verify-identity",
];

function hostileCalls(valid: Form, bound: number, targets: Targets): fc.Arbitrary<Call> {
  const pool = [...VOCABULARY, ...Object.values(targets)];
  const keys = Object.keys(valid);
  const leading = fc.array(fc.oneof(hostileString, fieldValue(pool)), { minLength: bound, maxLength: bound });
  const oneFieldChanged =
    keys.length > 0
      ? fc
          .tuple(leading, fc.constantFrom(...keys), fieldValue(pool))
          .map(([before, key, value]) => call(before, { ...valid, [key]: value }))
      : fc.tuple(leading, hostileRecord([], pool)).map(([before, record]) => call(before, record));
  const manyChanged = fc
    .tuple(leading, hostileRecord(keys, pool))
    .map(([before, record]) => call(before, { ...valid, ...record }));
  // Arguments of the wrong shape: a crafted client can send anything the encoder can encode.
  const misshapen = fc
    .array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString), { maxLength: 4 })
    .map((args) => ({ args, summary: `args ${JSON.stringify(args).slice(0, 300)}` }));
  return fc.oneof(
    { weight: 4, arbitrary: oneFieldChanged },
    { weight: 2, arbitrary: manyChanged },
    { weight: 1, arbitrary: misshapen },
  );
}

/** Each text field of the valid form with a NUL inside, and the form as it is: always tried first. */
function sharpCalls(valid: Form, bound: number): [Call][] {
  const before = Array.from({ length: bound }, () => "token");
  const withNul = Object.entries(valid).flatMap(([key, value]) =>
    typeof value === "string" ? [call(before, { ...valid, [key]: `${value}\u0000${value}` })] : [],
  );
  return [call(before, valid), ...withNul].map((entry): [Call] => [entry]);
}

test.describe.configure({ timeout: 600_000 });

test("every server action is fuzzed here and is in the build", () => {
  const actions = discoverActions();
  expect(
    new Set(Object.keys(ACTION_FORMS)),
    "ACTION_FORMS must list exactly the server actions in app/",
  ).toEqual(new Set(actions));
  const ids = actionIds();
  for (const action of actions)
    expect(ids.has(action), `${action} is not in the build's action manifest`).toBe(true);
});

test("no server action answers hostile form data with a 5xx, signed in as an admin or not", async ({
  baseURL,
}) => {
  const base = baseURL ?? "";
  const ids = actionIds();
  const targets = await createFuzzTargets(base);

  // An admin with a fresh step-up, so the hostile values get past the step-up check to the mutations.
  const admin = await signInOverHttp(base, DEMO_STAFF.admin);
  const stepUp = ids.get("app/console/step-up-action.ts#confirmStepUp");
  if (!stepUp) throw new Error("no step-up action in the build");
  for (let attempt = 0; ; attempt++) {
    const form = new FormData();
    // The sign-in used the current step; the next one is accepted too (±1) and is still unused.
    form.set("code", await totpCode(DEMO_STAFF.admin.totpSecret, 1));
    const answer = await callServerAction(base, stepUp.pagePath, stepUp.id, admin, [
      { status: "idle" },
      form,
    ]);
    if (answer.body.includes("Confirmed.")) break;
    if (attempt === 2) throw new Error(`Step-up failed: HTTP ${answer.status}`);
    await waitForNextStep();
  }

  const order = (action: string) => RUN_LAST.findIndex((suffix) => action.endsWith(suffix));
  const actions = Object.keys(ACTION_FORMS).toSorted((a, b) => order(a) - order(b));
  const failures: string[] = [];
  const visitors: [string, CookieJar | null][] = [
    ["anonymous", null],
    ["admin", admin],
  ];
  try {
    for (const action of actions) {
      const entry = ids.get(action);
      const { valid, bound = 0 } = ACTION_FORMS[action] ?? { valid: {} };
      if (!entry) throw new Error(`no action id for ${action}`);
      const form = fillIn(valid, targets);
      for (const [visitor, jar] of visitors) {
        // The property collects failures instead of stopping at the first, so one run reports every broken action.
        await fc.assert(
          fc.asyncProperty(hostileCalls(form, bound, targets), async ({ args, summary }) => {
            const response = await callServerAction(base, entry.pagePath, entry.id, jar, args);
            if (response.status >= 500)
              failures.push(`${action} as ${visitor}: HTTP ${response.status} for ${summary}`);
          }),
          { numRuns: CASES_PER_ACTION, examples: sharpCalls(form, bound) },
        );
      }
    }
  } finally {
    // Wrong step-up codes slow that session down (never lock the account); clear what the fuzzing
    // left so later specs start from a clean admin.
    await withE2eDatabase(async (db) => {
      await db.query(
        "UPDATE staff_users SET failed_second_factors = 0, lockout_count = 0, locked_until = NULL WHERE email = $1",
        [DEMO_STAFF.admin.email],
      );
      await db.query("DELETE FROM auth_throttles WHERE key LIKE 'step-up:%'");
      // Whatever policy a mutation set, the rest of the suite signs in with passwords.
      await db.query("DELETE FROM sign_in_policy");
    });
  }
  expect(failures).toEqual([]);
});
