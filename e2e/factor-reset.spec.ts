import { expect, test, type Page } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { completeStepUp, signIn } from "./support/staff";

test.describe.configure({ mode: "serial", timeout: 240_000 });

async function customerId(externalId: string): Promise<string> {
  return withE2eDatabase(
    async (db) =>
      (await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [externalId]))
        .rows[0]?.id ?? "",
  );
}

/** Privileged steps must ask for a fresh code: age the step-up of every session of this person. */
async function expireStepUp(email: string) {
  await withE2eDatabase((db) =>
    db.query(
      "UPDATE staff_sessions SET step_up_at = NULL WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)",
      [email],
    ),
  );
}

async function fillReset(page: Page, reason: string) {
  const factors = page.getByRole("group", { name: "Sign-in methods to remove" }).getByRole("checkbox");
  for (let index = 0; index < (await factors.count()); index++) await factors.nth(index).check();
  await page.getByLabel("I called the customer back on the number on file").check();
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await expect(page.getByLabel("End every session of the customer (recommended)")).toBeChecked();
  await page.getByRole("button", { name: "Request the reset" }).click();
}

test("a risky reset is held for a supervisor, who approves it; the customer is notified and the audit log tells the story", async ({
  page,
  browser,
}) => {
  const agent = DEMO_STAFF.agent;
  const marcus = STORY_CUSTOMERS.takeover;
  const id = await customerId(marcus.externalId);
  await signIn(page, agent, `/console/cases/new?customer=${id}`);
  await page.getByLabel("Subject").fill("Account taken over after a fake bank call");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByRole("heading", { name: /C-\d+: Account taken over/ })).toBeVisible();
  await page.getByRole("link", { name: "Reset 2FA for this case" }).click();
  await expect(page.getByText("Support never asks for a one-time code")).toBeVisible();
  await expect(page.getByText(/a supervisor must approve this reset/)).toBeVisible();
  // There is no field for a code anywhere on the form.
  await expect(page.getByLabel(/code/i)).toHaveCount(0);

  await expireStepUp(agent.email);
  await fillReset(page, "Customer confirmed the takeover on a call back, ticket 9913");
  await completeStepUp(page, agent);
  await expect(page.getByText(/a supervisor must approve the reset/)).toBeVisible();

  // The requester cannot approve their own request, even as a supervisor would: agents have no queue at all.
  const forbidden = await page.goto("/console/approvals");
  expect(forbidden?.status()).toBe(403);

  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, DEMO_STAFF.supervisor, "/console/approvals");
  const pending = supervisor.getByTestId("pending-reset").filter({ hasText: marcus.fullName });
  await expect(pending).toContainText("Customer confirmed the takeover");
  await expect(pending).toContainText("scam contact");
  await expireStepUp(DEMO_STAFF.supervisor.email);
  await pending.getByRole("button", { name: "Approve and reset" }).click();
  await completeStepUp(supervisor, DEMO_STAFF.supervisor);
  // Once decided, the request leaves the queue.
  await expect(pending).toHaveCount(0);

  const state = await withE2eDatabase(async (db) => ({
    factors: (
      await db.query("SELECT 1 FROM second_factors WHERE customer_id = $1 AND removed_at IS NULL", [id])
    ).rowCount,
    sessions: (
      await db.query("SELECT 1 FROM customer_sessions WHERE customer_id = $1 AND revoked_at IS NULL", [id])
    ).rowCount,
    notifications: (
      await db.query<{ channel: string }>("SELECT channel::text FROM notifications WHERE customer_id = $1", [
        id,
      ])
    ).rows
      .map((row) => row.channel)
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
  expect(state.notifications).toEqual(["EMAIL", "SMS"]);
  expect(state.audit.map((row) => [row.action, row.actor_label])).toEqual([
    ["reset.requested", agent.email],
    ["reset.approved", DEMO_STAFF.supervisor.email],
    ["reset.executed", DEMO_STAFF.supervisor.email],
  ]);
  expect(state.audit[0]?.reason).toMatch(/ticket 9913/);

  // The audit log page shows each step, with who and why.
  await supervisor.goto(`/console/audit?target=${id}&action=reset.`);
  const auditTable = supervisor.getByTestId("audit-table");
  await expect(auditTable).toContainText("reset.requested");
  await expect(auditTable).toContainText("reset.approved");
  await expect(auditTable).toContainText("ticket 9913");

  // The admin sees the notification in the outbox.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO_STAFF.admin, "/console/outbox");
  await expect(admin.getByTestId("outbox")).toContainText(marcus.email);
  await expect(admin.getByTestId("outbox")).toContainText("/not-me/");
});

test("a reset on a low-risk account goes through without approval", async ({ page }) => {
  const agent = DEMO_STAFF.agent2;
  const id = await customerId(STORY_CUSTOMERS.lowRisk.externalId);
  await signIn(page, agent, `/console/customers/${id}/reset`);
  await expect(page.getByText(/a supervisor must approve/)).toHaveCount(0);
  await fillReset(page, "Customer replaced their phone, verified by call back");
  await expect(page.getByText(/Done\. The sign-in methods were removed/)).toBeVisible();
});
