// "Never a stored value that renders as markup" (issue #8): hostile values go in through the real
// public paths (the ingest API and the console's server actions), then every page
// that shows them is loaded in the browser. No element of a payload may exist in the DOM, no payload
// script may run, the values must read as text, and the audit CSV must neutralise formulas.
// (Scam reports from the public form are covered the same way in e2e/scam-reports.spec.ts; article
// feedback comments are stored, as text, but no page shows them yet.)
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { generateApiKey } from "../lib/api-keys/key-material";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { actionIds } from "./support/app-inventory";
import { withE2eDatabase } from "./support/db";
import { callServerAction, signInOverHttp, type CookieJar } from "./support/http-session";
import { totpCode, waitForNextStep } from "./support/totp";

test.describe.configure({ timeout: 240_000 });

// Each payload tries a different way out of a text node or an attribute; all of them set window.__pwned.
const IMG = "<img src=x onerror=window.__pwned=1>";
const SVG = '"><svg onload=window.__pwned=1>';
const SCRIPT = "<script>window.__pwned=1</script>";
const IFRAME = "</textarea><iframe srcdoc='<script>parent.__pwned=1</script>'>";
const FORMULA = '=HYPERLINK("http://evil.example","click")';

/** Elements that exist only if a payload was parsed as HTML. */
const INJECTED = 'img[src="x"], svg[onload], iframe[srcdoc], a[href^="javascript:"], [onerror], [onload]';

async function expectNoMarkupFromPayloads(page: Page, path: string, shownAsText: string[]): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBeLessThan(400);
  // Give an onerror handler (a broken image loads asynchronously) the chance to run.
  await page.waitForLoadState("load");
  await expect(page.locator(INJECTED), `${path} contains an element from a payload`).toHaveCount(0);
  const payloadScripts = await page.evaluate(
    () => [...document.scripts].filter((script) => script.textContent?.trim() === "window.__pwned=1").length,
  );
  expect(payloadScripts, `${path} contains a payload script element`).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    `a payload ran on ${path}`,
  ).toBeUndefined();
  const text = await page.locator("body").innerText();
  for (const value of shownAsText) expect(text, `${path} shows the value as text`).toContain(value);
}

async function admitBrowser(page: Page, baseURL: string, jar: CookieJar): Promise<void> {
  const cookies = jar
    .header()
    .split("; ")
    .map((pair) => {
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: pair.slice(index + 1), url: baseURL };
    });
  await page.context().addCookies(cookies);
}

async function stepUp(baseURL: string, jar: CookieJar): Promise<void> {
  const action = actionIds().get("app/console/step-up-action.ts#confirmStepUp");
  if (!action) throw new Error("no step-up action in the build");
  for (let attempt = 0; attempt < 3; attempt++) {
    const form = new FormData();
    // The sign-in used the current step; the next one is accepted too (±1) and is still unused.
    form.set("code", await totpCode(DEMO_STAFF.admin.totpSecret, 1));
    const answer = await callServerAction(baseURL, action.pagePath, action.id, jar, [
      { status: "idle" },
      form,
    ]);
    if (answer.body.includes("Confirmed.")) return;
    await waitForNextStep();
  }
  throw new Error("Step-up failed");
}

async function act(
  baseURL: string,
  jar: CookieJar,
  action: string,
  fields: Record<string, string>,
): Promise<string> {
  const entry = actionIds().get(action);
  if (!entry) throw new Error(`no action id for ${action}`);
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const answer = await callServerAction(baseURL, entry.pagePath, entry.id, jar, [{ status: "idle" }, form]);
  expect(answer.status, `${action} answered`).toBeLessThan(500);
  return answer.body;
}

test("hostile values stored through the ingest API and the console's actions render as text everywhere", async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const tag = randomBytes(4).toString("hex");
  const serverErrors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });

  // 1. The identity system's side: an API key, a customer, and events whose free-text fields are payloads.
  const material = generateApiKey();
  const externalId = `markup_${tag}`;
  const customerId = await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO api_keys (name, prefix, secret_hash, scopes) VALUES ('Markup fuzz', $1, $2, ARRAY['EVENTS_WRITE']::"ApiScope"[])`,
      [material.prefix, material.secretHash],
    );
    const customer = await db.query<{ id: string }>(
      "INSERT INTO customers (external_id, full_name, name_key, email, email_normalized) VALUES ($1, 'Markup Target', 'markup target', $2, $2) RETURNING id",
      [externalId, `markup-${tag}@example.com`],
    );
    return customer.rows[0]?.id ?? "";
  });
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const userAgent = `Mozilla/5.0 ${IMG} ${SVG} ${SCRIPT}`;
  const deviceId = `dev ${IMG}`;
  const city = `${SVG} City`;
  const ingest = await fetch(`${base}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${material.key}`, "content-type": "application/json" },
    body: JSON.stringify({
      events: [
        {
          type: "login_attempt",
          eventId: `la_markup_${tag}`,
          occurredAt,
          outcome: "wrong_password",
          customer: { externalId },
          identifier: `${IMG}@example.com`,
          ip: "203.0.113.77",
          country: "GB",
          city,
          deviceId,
          userAgent,
        },
        {
          type: "otp_delivery",
          eventId: `otp_markup_${tag}`,
          sentAt: occurredAt,
          purpose: "sign_in",
          channel: "sms",
          customer: { externalId },
          destinationMasked: `+44 •••• ${IMG}`.slice(0, 64),
          status: "failed",
          statusReason: `${SCRIPT} ${IFRAME}`,
          requestUserAgent: userAgent,
        },
      ],
    }),
  });
  expect(ingest.status).toBe(200);
  const attemptId = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ id: string }>("SELECT id::text FROM login_attempts WHERE event_id = $1", [
          `la_markup_${tag}`,
        ])
      ).rows[0]?.id ?? "",
  );

  // 2. The console's side: a stepped-up admin writes payloads through the actions, over HTTP.
  const admin = await signInOverHttp(base, DEMO_STAFF.admin);
  await stepUp(base, admin);
  const subject = `Case ${tag} ${IMG}`;
  const firstNote = `First ${SVG} ${IFRAME}`;
  await act(base, admin, "app/console/(signed-in)/cases/actions.ts#openCaseAction", {
    customerId,
    type: "SCAM_CALL",
    subject,
    note: firstNote,
    scamReportId: "",
  });
  const caseId = await withE2eDatabase(
    async (db) =>
      (await db.query<{ id: string }>("SELECT id FROM cases WHERE subject = $1", [subject])).rows[0]?.id ??
      "",
  );
  expect(caseId, "the case was opened").not.toBe("");
  const note = `${FORMULA} ${SCRIPT} javascript:window.__pwned=1`;
  const outcome = `Closed ${IMG}`;
  await act(base, admin, "app/console/(signed-in)/cases/actions.ts#addNoteAction", { caseId, body: note });
  await act(base, admin, "app/console/(signed-in)/cases/actions.ts#setCaseStatusAction", {
    caseId,
    status: "CLOSED",
    outcome,
  });
  const staffName = `New ${tag} ${SVG}`;
  const reason = `${FORMULA} invited ${tag} ${IMG}`;
  await act(base, admin, "app/console/(signed-in)/staff/actions.ts#inviteStaffAction", {
    email: `markup-${tag}@desk.example`,
    name: staffName,
    role: "AGENT",
    reason,
  });
  const keyName = `Key ${tag} ${IMG}`.slice(0, 80);
  await act(base, admin, "app/console/(signed-in)/api-keys/actions.ts#createApiKeyAction", {
    name: keyName,
    scopes: "EVENTS_WRITE",
    reason: `Key for ${tag} ${SCRIPT}`,
  });

  // 3. Every page that shows those values, in the browser.
  await admitBrowser(page, base, admin);
  await expectNoMarkupFromPayloads(page, `/console/customers/${customerId}`, [deviceId, city]);
  await expectNoMarkupFromPayloads(page, `/console/customers/${customerId}/attempts`, [deviceId, city]);
  await expectNoMarkupFromPayloads(page, `/console/customers/${customerId}/attempts/${attemptId}`, [
    userAgent,
    deviceId,
    city,
  ]);
  await expectNoMarkupFromPayloads(page, `/console/customers/${customerId}/codes`, []);
  await expectNoMarkupFromPayloads(page, "/console/cases?status=CLOSED", [subject]);
  await expectNoMarkupFromPayloads(page, `/console/cases/${caseId}`, [subject, firstNote, note, outcome]);
  await expectNoMarkupFromPayloads(page, "/console/staff", [staffName]);
  await expectNoMarkupFromPayloads(page, "/console/api-keys", [keyName]);
  await expectNoMarkupFromPayloads(page, `/console/audit?${new URLSearchParams({ target: "" })}`, []);
  await expectNoMarkupFromPayloads(page, "/console", []);

  // 4. The audit CSV: the reason that starts with "=" is neutralised with an apostrophe.
  const csv = await page.request.get("/console/audit/export");
  expect(csv.status()).toBe(200);
  const line =
    (await csv.text()).split("\r\n").find((candidate) => candidate.includes(`invited ${tag}`)) ?? "";
  expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") invited ${tag} ${IMG}"`);
  expect(serverErrors).toEqual([]);
});
