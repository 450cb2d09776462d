import { expect, test } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { completeStepUp, signIn } from "./support/staff";

const agent = DEMO_STAFF.agent;
const olivia = STORY_CUSTOMERS.otpBombing;

test.describe.configure({ timeout: 180_000 });

test("an agent finds the OTP-bombing customer by phone, sees the burst explained, opens an attempt, and reveals the phone after step-up", async ({
  page,
}) => {
  await signIn(page, agent);
  await page.getByRole("link", { name: "Customers" }).click();
  // Typed as a customer would say it: spaces and the national 0 prefix.
  await page.getByLabel("Name, email, phone number or customer id").fill("07700 900123");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  const results = page.getByTestId("customer-results");
  await expect(results.getByRole("link", { name: olivia.fullName })).toBeVisible();
  await expect(results).toContainText("+44 •••• ••• 123");
  await results.getByRole("link", { name: olivia.fullName }).click();

  const burst = page.getByTestId("risk-signals").locator('[data-signal="OTP_BURST"]');
  await expect(burst).toContainText("Burst of code requests");
  await expect(burst).toContainText(/\d+ codes were sent to .* and none was used/);
  await expect(page.getByTestId("masked-phone")).toHaveText(/•/);

  // The newest attempt in the timeline; its sign-in flow shows the code it triggered.
  await page.getByRole("link", { name: "Sign-in attempts", exact: true }).click();
  await page.getByLabel("Outcome").selectOption("CODE_SENT");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=CODE_SENT/);
  await page.getByTestId("attempts-table").getByRole("link").first().click();
  await expect(page.getByTestId("attempt-detail")).toContainText("Code sent");
  await expect(page.getByTestId("deliveries-table")).toContainText("Sign-in");
  await expect(page.getByTestId("deliveries-table")).toContainText("+44 •••• ••• 123");

  // Reveal needs a fresh second factor: age the session's step-up first.
  await withE2eDatabase((db) =>
    db.query(
      "UPDATE staff_sessions SET step_up_at = NULL WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)",
      [agent.email],
    ),
  );
  await page.getByRole("navigation", { name: "Customer" }).getByRole("link", { name: "Overview" }).click();
  const reveal = page.locator("details", { has: page.locator("summary", { hasText: "Reveal phone" }) });
  await reveal.locator("summary").click();
  await reveal.getByLabel("Why do you need it?").fill("Ticket 4821: customer called about code texts");
  await reveal.getByRole("button", { name: "Reveal phone" }).click();
  await completeStepUp(page, agent);
  await expect(page.getByTestId("revealed-phone")).toHaveText(olivia.phone);

  const audit = await withE2eDatabase((db) =>
    db.query<{ reason: string; data: { field: string } }>(
      `SELECT reason, data FROM audit_events WHERE action = 'customer.pii.revealed'
         AND actor_label = $1 AND target_id = (SELECT id::text FROM customers WHERE external_id = $2)
       ORDER BY seq DESC LIMIT 1`,
      [agent.email, olivia.externalId],
    ),
  );
  expect(audit.rows[0]).toMatchObject({
    reason: "Ticket 4821: customer called about code texts",
    data: { field: "phone" },
  });
});

test("bad filters and unknown ids get clear answers, not errors", async ({ page }) => {
  await signIn(page, agent);
  await page.goto("/console/customers?q=x");
  await expect(page.getByText(/Type at least 2 characters/)).toBeVisible();
  await page.goto("/console/customers?q=nobody-by-this-name-zzz");
  await expect(page.getByText("No customer found")).toBeVisible();
  const missing = await page.goto("/console/customers/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  const malformed = await page.goto("/console/customers/not-a-uuid/attempts?outcome=NOPE&country=Britain");
  expect(malformed?.status()).toBe(404);
  const customerId = await withE2eDatabase(
    async (db) =>
      (await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [olivia.externalId]))
        .rows[0]?.id,
  );
  await page.goto(`/console/customers/${customerId}/attempts?outcome=NOPE&country=Britain&from=yesterday`);
  await expect(page.getByText("Some filters are not valid")).toBeVisible();
  await expect(page.getByText(/two-letter country code/)).toBeVisible();
});
