// Olivia Bennett is being OTP-bombed: the page says so, and the agent protects her account from
// it (new password, sessions ended) without a 2FA reset. A form left open while a colleague acts
// is refused, not applied to a state the agent never saw.
import { expect, test } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { completeStepUp, signIn } from "./support/staff";
import { expectNoAxeViolations } from "./support/help";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const olivia = STORY_CUSTOMERS.otpBombing;

async function oliviaId(): Promise<string> {
  return withE2eDatabase(
    async (db) =>
      (await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [olivia.externalId]))
        .rows[0]?.id ?? "",
  );
}

test("Olivia Bennett: 'under attack: OTP bombing'; the agent requires a new password and ends her sessions, no 2FA reset", async ({
  page,
}) => {
  const id = await oliviaId();
  await signIn(page, DEMO_STAFF.agent2, `/console/customers/${id}`);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "UNDER_ATTACK");
  await expect(verdict.getByRole("heading")).toHaveText(/Under attack: OTP bombing/);
  await expect(verdict).toContainText("a 2FA reset is not needed");
  await expectNoAxeViolations(page);

  const protect = page.getByTestId("protect-account");
  await protect.getByLabel("Action").selectOption("require-password");
  await protect.getByLabel("Reason").fill("Customer called about dozens of code texts, ticket 5120");
  await protect.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(protect.getByTestId("form-status")).toContainText("A new password is now required");
  // The form starts empty again, so a second press cannot repeat it by accident.
  await expect(protect.getByLabel("Reason")).toHaveValue("");
  await expect(page.getByText("Must be changed at next sign-in")).toBeVisible();

  await protect.getByLabel("Action").selectOption("end-all-sessions");
  await protect.getByLabel("Reason").fill("Customer called about dozens of code texts, ticket 5120");
  await protect.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(protect.getByTestId("form-status")).toContainText("Every session ended");

  const actions = page.getByTestId("account-actions");
  await expect(actions).toContainText("Every session ended");
  await expect(actions).toContainText("New password required");
  // Both reach the demo's identity system, and the page updates itself to say so.
  await expect(actions.locator("li[data-status=CONFIRMED]")).toHaveCount(2, { timeout: 20_000 });
  await expect(actions).toContainText("Confirmed by Reference identity system (demo)");
  await expectNoAxeViolations(page);

  const state = await withE2eDatabase(async (db) => ({
    passwordResetRequired: (
      await db.query<{ password_reset_required: boolean }>(
        "SELECT password_reset_required FROM customers WHERE id = $1",
        [id],
      )
    ).rows[0]?.password_reset_required,
    liveSessions: (
      await db.query("SELECT 1 FROM customer_sessions WHERE customer_id = $1 AND revoked_at IS NULL", [id])
    ).rowCount,
    resets: (await db.query("SELECT 1 FROM factor_resets WHERE customer_id = $1", [id])).rowCount,
    liveFactors: (
      await db.query("SELECT 1 FROM second_factors WHERE customer_id = $1 AND removed_at IS NULL", [id])
    ).rowCount,
    queued: (
      await db.query<{ kind: string }>(
        "SELECT kind::text FROM account_actions WHERE customer_id = $1 ORDER BY created_at",
        [id],
      )
    ).rows.map((row) => row.kind),
    audit: (
      await db.query<{ action: string }>(
        "SELECT action FROM audit_events WHERE target_id = $1 AND action LIKE 'account.%' ORDER BY seq",
        [id],
      )
    ).rows.map((row) => row.action),
    told: (
      await db.query<{ destination: string }>(
        "SELECT DISTINCT destination FROM notifications WHERE customer_id = $1 AND template = 'account-action'",
        [id],
      )
    ).rows
      .map((row) => row.destination)
      .sort(),
  }));
  expect(state).toEqual({
    passwordResetRequired: true,
    liveSessions: 0,
    resets: 0,
    liveFactors: expect.any(Number),
    queued: ["PASSWORD_CHANGE_REQUIRED", "SESSIONS_ENDED"],
    audit: ["account.password_change_required", "account.sessions_ended"],
    told: [olivia.email, olivia.phone].sort(),
  });
  expect(state.liveFactors).toBeGreaterThan(0);
});

test("a form left open while a colleague locked the account is refused; unlocking needs step-up", async ({
  page,
  browser,
}) => {
  const id = await oliviaId();
  const agent = DEMO_STAFF.agent2;
  await signIn(page, agent, `/console/customers/${id}`);
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signIn(colleague, DEMO_STAFF.agent, `/console/customers/${id}`);

  // The colleague locks the account.
  const theirs = colleague.getByTestId("protect-account");
  await theirs.getByLabel("Action").selectOption("lock");
  await theirs.getByLabel("Reason").fill("Customer asked us to freeze the account, ticket 5121");
  await theirs.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(theirs.getByTestId("form-status")).toContainText("Account locked");

  // This agent's page was rendered before: the action is refused and what was typed is kept.
  const mine = page.getByTestId("protect-account");
  await mine.getByLabel("Action").selectOption("require-password");
  await mine.getByLabel("Reason").fill("Second attempt from an old page, ticket 5121");
  await mine.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(mine.getByTestId("form-status")).toContainText("changed after you opened the page");
  await expect(mine.getByLabel("Reason")).toHaveValue("Second attempt from an old page, ticket 5121");

  // After a reload the page shows the lock, and unlocking asks for a fresh code.
  await page.reload();
  await expect(page.getByText("Locked", { exact: true }).first()).toBeVisible();
  await withE2eDatabase((db) =>
    db.query(
      "UPDATE staff_sessions SET step_up_at = NULL WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)",
      [agent.email],
    ),
  );
  const unlock = page.getByTestId("unlock-account");
  await unlock.getByLabel("Reason").fill("Customer verified on a call back to the number on file");
  await unlock.getByRole("button", { name: "Unlock the account" }).click();
  await completeStepUp(page, agent);
  await expect(unlock.getByTestId("form-status")).toContainText("Account unlocked");
  const status = await withE2eDatabase(
    async (db) =>
      (await db.query<{ status: string }>("SELECT status::text FROM customers WHERE id = $1", [id])).rows[0]
        ?.status,
  );
  expect(status).toBe("ACTIVE");
  await colleagueContext.close();
});
