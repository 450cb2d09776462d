import { expect, test, type Page } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { customerIdOf, expireStepUp, withE2eDatabase } from "./support/db";
import { appliedFor, identitySystemState } from "./support/identity-system";
import { completeStepUp, signIn } from "./support/staff";
import { expectNoAxeViolations } from "./support/help";

test.describe.configure({ mode: "serial", timeout: 240_000 });

async function fillReset(
  page: Page,
  reason: string,
  method = "I called the customer back on the number on file",
  options: { forcePassword?: boolean } = {},
) {
  const factors = page.getByRole("group", { name: "Sign-in methods to remove" }).getByRole("checkbox");
  for (let index = 0; index < (await factors.count()); index++) await factors.nth(index).check();
  await page.getByLabel(method).check();
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await expect(page.getByLabel("End every session of the customer (recommended)")).toBeChecked();
  if (options.forcePassword) await page.getByLabel("Require a new password at next sign-in").check();
  await page.getByRole("button", { name: "Request the reset" }).click();
}

const ORIGINAL_PHONE = "+447700900456";
const ATTACKER_PHONE = "+447700900666";

test("Marcus Reid: the page leads with the phone change; a call back to it is refused; the approved reset reaches the replaced number; the case ticks itself; the old number is restored with approval", async ({
  page,
  browser,
  baseURL,
}) => {
  const agent = DEMO_STAFF.agent;
  const marcus = STORY_CUSTOMERS.takeover;
  const id = await customerIdOf(marcus.externalId);

  // 1. The customer page opens with the verdict and the phone change, before anything else.
  await signIn(page, agent, `/console/customers/${id}`);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "LIKELY_TAKEOVER");
  await expect(verdict.getByRole("heading", { name: "Likely takeover" })).toBeVisible();
  await expect(page.getByTestId("contact-changes")).toContainText(
    /Phone changed \+44 \S+ \S+ 456 → \+44 \S+ \S+ 666/,
  );
  await expect(page.getByTestId("contact-changes")).toContainText("first seen that day");
  await expectNoAxeViolations(page);
  // High signals come before medium ones.
  const severities = await page
    .getByTestId("risk-signals")
    .locator("[data-signal]")
    .evaluateAll((items) => items.map((item) => (item.textContent?.includes("High") ? 0 : 1)));
  expect(severities.length).toBeGreaterThan(1);
  expect(severities).toEqual(severities.toSorted());

  await page.goto(`/console/cases/new?customer=${id}`);
  await page.getByLabel("Subject").fill("Account taken over after a fake bank call");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByRole("heading", { name: /C-\d+: Account taken over/ })).toBeVisible();
  const caseUrl = page.url();
  // A second compromised-account case for him is refused, with the way to the first.
  await page.goto(`/console/cases/new?customer=${id}`);
  await page.getByLabel("Subject").fill("The same takeover, again");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(
    page.getByTestId("form-status").getByRole("link", { name: /Open case C-\d+/ }),
  ).toHaveAttribute("href", new URL(caseUrl).pathname);
  await page.goto(caseUrl);
  await page.getByRole("link", { name: "Reset 2FA for this case" }).click();
  await expect(page.getByText("Support never asks for a one-time code")).toBeVisible();
  await expect(page.getByText(/a supervisor must approve this reset/)).toBeVisible();
  // There is no field for a code anywhere on the form.
  await expect(page.getByLabel(/code/i)).toHaveCount(0);

  // 2. The number on file is the attacker's: that call back is offered greyed out, with why.
  const onFile = page.getByLabel("I called the customer back on the number on file");
  await expect(onFile).toBeDisabled();
  await expect(page.getByText(/may be the attacker's, so a call to it proves nothing/)).toBeVisible();
  // Even forced past the browser, the server refuses it and keeps what was typed.
  await expireStepUp(agent.email);
  await onFile.evaluate((input: HTMLInputElement) => (input.disabled = false));
  await fillReset(page, "Customer confirmed the takeover on a call back, ticket 9913", undefined, {
    forcePassword: true,
  });
  await completeStepUp(page, agent);
  await expect(page.getByTestId("form-status").last()).toContainText(
    /may be the attacker's, so a call to it proves nothing/,
  );
  await expect(page.getByTestId("form-status").last()).toContainText(
    /Call back the previous number \+44 \S+ \S+ 456/,
  );
  await expect(page.getByLabel("Reason", { exact: true })).toHaveValue(/ticket 9913/);
  await expect(page.getByText(/a supervisor must approve the reset/)).toHaveCount(0);
  expect(
    await withE2eDatabase(
      async (db) => (await db.query("SELECT 1 FROM factor_resets WHERE customer_id = $1", [id])).rowCount,
    ),
  ).toBe(0);

  // 3. The replaced number is the one to call back.
  await page.reload();
  await fillReset(
    page,
    "Customer confirmed the takeover on a call back, ticket 9913",
    "I called the customer back on the number that was replaced recently",
    { forcePassword: true },
  );
  await expect(page.getByText(/a supervisor must approve the reset/)).toBeVisible();

  // The customer page now says a reset is waiting, before anyone fills the form again.
  await page.goto(`/console/customers/${id}`);
  await expect(page.getByText("A 2FA reset is waiting for a supervisor")).toBeVisible();

  // The requester cannot approve their own request, even as a supervisor would: agents have no queue at all.
  const forbidden = await page.goto("/console/approvals");
  expect(forbidden?.status()).toBe(403);

  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, DEMO_STAFF.supervisor, "/console/approvals");
  const pending = supervisor.getByTestId("pending-reset").filter({ hasText: marcus.fullName });
  await expect(pending).toContainText("Customer confirmed the takeover");
  await expect(pending).toContainText("number that was replaced recently");
  await expect(pending).toContainText("scam contact");
  await expireStepUp(DEMO_STAFF.supervisor.email);
  await pending.getByRole("button", { name: "Approve and reset" }).click();
  await completeStepUp(supervisor, DEMO_STAFF.supervisor);
  // 4. The decision is confirmed on the card, with the way to the customer and the case.
  await expect(pending.getByText(/Approved and done: the sign-in methods were removed/)).toBeVisible();
  await expect(pending.getByRole("link", { name: "Open the case" })).toHaveAttribute(
    "href",
    new URL(caseUrl).pathname,
  );
  await expect(pending.getByRole("link", { name: "Open the customer" })).toHaveAttribute(
    "href",
    `/console/customers/${id}`,
  );

  // 5. The reset reaches the identity system customers sign in to (the demo's reference one): it
  // verifies the signed delivery, removes the factor, and the agent's page shows it confirmed.
  await page.goto(`/console/customers/${id}`);
  const removed = page
    .getByTestId("account-actions")
    .locator("li[data-status]", { hasText: "Second factors removed" });
  await expect(removed).toContainText("Confirmed by Reference identity system (demo)", { timeout: 20_000 });
  const applied = await appliedFor(baseURL ?? "", marcus.externalId);
  expect(applied.filter((entry) => entry.type === "account.factors_reset")).toHaveLength(1);
  expect((await identitySystemState(baseURL ?? "")).users[marcus.externalId]?.factors).toEqual([]);

  const state = await withE2eDatabase(async (db) => ({
    factors: (
      await db.query("SELECT 1 FROM second_factors WHERE customer_id = $1 AND removed_at IS NULL", [id])
    ).rowCount,
    sessions: (
      await db.query("SELECT 1 FROM customer_sessions WHERE customer_id = $1 AND revoked_at IS NULL", [id])
    ).rowCount,
    notifications: (
      await db.query<{ channel: string; destination: string }>(
        "SELECT channel::text, destination FROM notifications WHERE customer_id = $1 AND template = 'factor-reset'",
        [id],
      )
    ).rows
      .map((row) => `${row.channel} ${row.destination}`)
      .sort(),
    audit: (
      await db.query<{ action: string; actor_label: string; reason: string | null }>(
        "SELECT action, actor_label, reason FROM audit_events WHERE target_id = $1 AND action LIKE 'reset.%' ORDER BY seq",
        [id],
      )
    ).rows,
  }));
  expect(state.factors).toBe(0);
  expect(state.sessions).toBe(0);
  // 5. Not only to the attacker's number: the number he replaced and the email hear of it too.
  expect(state.notifications).toEqual(
    [`EMAIL ${marcus.email}`, `SMS ${ORIGINAL_PHONE}`, `SMS ${ATTACKER_PHONE}`].sort(),
  );
  expect(state.audit.map((row) => [row.action, row.actor_label])).toEqual([
    ["reset.requested", agent.email],
    ["reset.approved", DEMO_STAFF.supervisor.email],
    ["reset.executed", DEMO_STAFF.supervisor.email],
  ]);
  expect(state.audit[0]?.reason).toMatch(/ticket 9913/);

  // 6. The case's checklist ticked itself for what the reset did, each with a link to the audit log.
  await page.goto(caseUrl);
  const checklist = page.getByTestId("checklist");
  for (const step of ["End every session", "Require a new password", "Reset two-step verification"]) {
    const item = checklist.getByRole("listitem").filter({ hasText: step });
    await expect(item).toContainText("done by");
    await expect(item.getByRole("link", { name: "reset.executed in the audit log" })).toBeVisible();
  }

  // The audit log page shows each step, with who and why.
  await supervisor.goto(`/console/audit?target=${id}&action=reset.`);
  const auditTable = supervisor.getByTestId("audit-table");
  await expect(auditTable).toContainText("reset.requested");
  await expect(auditTable).toContainText("reset.approved");
  await expect(auditTable).toContainText("ticket 9913");

  // 7. Putting the old number back needs step-up and, on this account, a supervisor; both numbers are told.
  await page.goto(`/console/customers/${id}`);
  const restore = page.getByTestId("restore-contact");
  await expect(restore).toContainText(/Previous phone number \+44 \S+ \S+ 456/);
  await expireStepUp(agent.email);
  await restore.getByLabel("Reason").fill("Attacker replaced the number after the scam call, ticket 9913");
  await restore.getByRole("button", { name: "Restore" }).click();
  await completeStepUp(page, agent);
  await expect(restore.getByText(/a supervisor must approve putting back/)).toBeVisible();
  await supervisor.goto("/console/approvals");
  const pendingRestore = supervisor.getByTestId("pending-restore").filter({ hasText: marcus.fullName });
  await expect(pendingRestore).toContainText("Attacker replaced the number");
  await expectNoAxeViolations(supervisor);
  await pendingRestore.getByRole("button", { name: "Approve and restore" }).click();
  await expect(pendingRestore.getByText(/is back on the account/)).toBeVisible();
  const restored = await withE2eDatabase(async (db) => ({
    phone: (await db.query<{ phone_e164: string }>("SELECT phone_e164 FROM customers WHERE id = $1", [id]))
      .rows[0]?.phone_e164,
    told: (
      await db.query<{ destination: string }>(
        "SELECT destination FROM notifications WHERE customer_id = $1 AND template = 'account-action' AND channel = 'SMS'",
        [id],
      )
    ).rows
      .map((row) => row.destination)
      .sort(),
  }));
  expect(restored).toEqual({ phone: ORIGINAL_PHONE, told: [ORIGINAL_PHONE, ATTACKER_PHONE].sort() });
  // With the number back, the page no longer warns about it.
  await page.goto(`/console/customers/${id}`);
  await expect(page.getByTestId("contact-changes")).toHaveCount(0);

  // The admin sees the notification in the outbox.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_STAFF.admin, "/console/outbox");
  await expect(admin.getByTestId("outbox")).toContainText(marcus.email);
  await expect(admin.getByTestId("outbox")).toContainText("/not-me/");
});

test("on a low-risk account, the reset form offers the customer's own confirmation first; a bare callback needs a supervisor", async ({
  page,
}) => {
  const agent = DEMO_STAFF.agent2;
  const id = await customerIdOf(STORY_CUSTOMERS.lowRisk.externalId);
  await signIn(page, agent, `/console/customers/${id}/reset`);
  // No account risk, so nothing above the form asks for a supervisor...
  await expect(page.getByText(/This account shows risk/)).toHaveCount(0);
  // ...but without the customer's yes, the desk has only the agent's word (e2e/caller-verification.spec.ts
  // walks the confirmation through to a reset without approval).
  await expect(page.getByLabel(/The customer confirmed on their own device/)).toBeDisabled();
  await expect(page.getByText(/Send the customer a confirmation request/)).toBeVisible();
  await expect(page.getByLabel("I called the customer back on the number on file")).toHaveAccessibleName(
    /a supervisor approves/,
  );
  await expect(
    page.getByTestId("caller-verification").getByRole("button", { name: "Send confirmation request" }),
  ).toBeVisible();
});
