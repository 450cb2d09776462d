// An admin connects a second identity system through the console. While it is down, the action an
// agent decides shows "failing" on the customer page and admins see the red badge; once it is
// back, a retry from the delivery log gets it confirmed, applied exactly once by the receiver.
// The receiver is the reference identity system (examples/identity-system), run by this test.
import { createServer } from "node:net";
import { expect, test } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { IdentitySystem } from "../examples/identity-system/identity-system";
import { withE2eDatabase } from "./support/db";
import { signIn } from "./support/staff";
import { expectNoAxeViolations } from "./support/help";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const tom = STORY_CUSTOMERS.mistypedBy;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

test("a second identity system: failing while down (badge, alert), confirmed once after a retry", async ({
  page,
  browser,
}) => {
  const port = await freePort();
  const customerId = await withE2eDatabase(
    async (db) =>
      (await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [tom.externalId]))
        .rows[0]?.id ?? "",
  );

  // 1. The admin adds the endpoint; bad input first.
  await signIn(page, DEMO_STAFF.admin, "/console/integrations");
  await expect(
    page.getByTestId("endpoint").filter({ hasText: "Reference identity system (demo)" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const form = page.locator("form").filter({ has: page.getByLabel("URL (webhooks)") });
  await form.getByLabel("Name").fill("Second identity system (spec)");
  await form.getByLabel("URL (webhooks)").fill("ftp://idp.example.com/hook");
  await form.getByLabel("Account locked").check();
  await form.getByLabel("Reason").fill("Connect the second identity system, change 311");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByText("The URL must start with https://.")).toBeVisible();
  await form.getByLabel("URL (webhooks)").fill(`http://127.0.0.1:${port}/desk-events`);
  // Signing in just now counts as the step-up this admin action needs.
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await page.getByTestId("new-endpoint-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  const endpoint = page.getByTestId("endpoint").filter({ hasText: "Second identity system (spec)" });
  await expect(endpoint).toContainText("Account locked");

  // 2. With the receiver down, an agent locks Tom Hughes' account: the page shows it failing.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, DEMO_STAFF.agent, `/console/customers/${customerId}`);
  const protect = agent.getByTestId("protect-account");
  await protect.getByLabel("Action").selectOption("lock");
  await protect.getByLabel("Reason").fill("Customer reports a takeover in progress, ticket 7781");
  await protect.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(protect.getByTestId("form-status")).toContainText("locked");
  const locked = agent
    .getByTestId("account-actions")
    .locator("li[data-status]", { hasText: "Account locked" });
  await expect(locked).toHaveAttribute("data-status", "FAILING", { timeout: 20_000 });
  await expect(locked).toContainText("Not accepted by Second identity system (spec) yet");
  await expect(locked).toContainText("Confirmed by Reference identity system (demo)");

  // 3. Admins see the red badge, and are emailed after the third failed attempt.
  await page.goto("/console/integrations");
  await expect(page.getByTestId("nav-count-integrations")).toBeVisible();
  await expect
    .poll(
      () =>
        withE2eDatabase(
          async (db) =>
            (await db.query("SELECT 1 FROM notifications WHERE template = 'integration-failing'")).rowCount,
        ),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);

  // 4. The receiver comes back; the admin retries from the delivery log; the agent's page confirms.
  const receiver = new IdentitySystem({ secrets: [secret] });
  const listening = await receiver.listen(port);
  try {
    await endpoint.getByRole("link", { name: "Second identity system (spec)" }).click();
    await expectNoAxeViolations(page);
    const stuck = page.getByTestId("stuck-deliveries").getByRole("row", { name: /Tom Hughes/ });
    await stuck.getByRole("button", { name: "Retry now" }).click();
    await expect(page.getByText("Sending it again now.")).toBeVisible();
    await expect(locked).toHaveAttribute("data-status", "CONFIRMED", { timeout: 20_000 });
    await expect(locked).toContainText("Confirmed by Second identity system (spec)");
    expect(receiver.state.applied.filter((entry) => entry.externalId === tom.externalId)).toEqual([
      expect.objectContaining({ type: "account.locked" }),
    ]);
    expect(receiver.state.users[tom.externalId]?.locked).toBe(true);

    await page.reload();
    await expect(page.getByTestId("delivery-log")).toContainText("Tom Hughes");
    await page.getByRole("button", { name: "Send a test delivery" }).click();
    await expect(
      page.getByText(/Test delivered: "Second identity system \(spec\)" answered 200/),
    ).toBeVisible();
  } finally {
    // 5. Removed again, so the rest of the suite's actions are not sent to a receiver that is gone.
    await page.getByText("Remove this endpoint").click();
    await page.getByLabel("Reason").last().fill("Spec finished, change 311");
    await page.getByRole("button", { name: "Remove endpoint" }).click();
    // The page stays, read-only: its delivery log is kept for the record.
    await expect(page.getByText(/Removed on .*: nothing is sent to it any more/)).toBeVisible();
    await listening.close();
    await agentContext.close();
  }
});
