// The agent's workspace: home lists the work waiting (oldest case first), the navigation carries its
// counts, and the top bar's search ("/" or Ctrl+K) jumps to a case by number, keyboard only.
import { expect, test, type Page } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { expectNoAxeViolations } from "./support/help";
import { completeStepUp, signIn } from "./support/staff";

const agent = DEMO_STAFF.agent;
const supervisor = DEMO_STAFF.supervisor;

test.describe.configure({ timeout: 120_000 });

/** The top of every element in the locator's list: one value means one row. */
async function rowTops(page: Page, selector: string): Promise<number[]> {
  const tops = await page
    .locator(selector)
    .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  return [...new Set(tops)];
}

test("an agent starts from home, finds the oldest of their cases with / search and opens it, keyboard only", async ({
  page,
}) => {
  await signIn(page, agent);
  await expect(page.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();

  const expected = await withE2eDatabase((db) =>
    db.query<{ number: number; subject: string; open: number }>(
      `SELECT c.number, c.subject, (SELECT count(*)::int FROM cases o WHERE o.assignee_id = s.id AND o.status <> 'CLOSED') AS open
         FROM cases c JOIN staff_users s ON s.id = c.assignee_id
        WHERE s.email = $1 AND c.status <> 'CLOSED' ORDER BY c.created_at, c.number LIMIT 1`,
      [agent.email],
    ),
  );
  const oldest = expected.rows[0];
  if (!oldest) throw new Error("The demo agent has no open case");

  const myCases = page.getByTestId("my-cases");
  await expect(myCases.locator("tbody tr").first()).toContainText(`C-${oldest.number}`);
  await expect(page.getByTestId("work-my-cases").getByRole("heading")).toContainText(String(oldest.open));
  // The navigation carries the same count, and says what it is.
  const casesLink = page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: /^Cases/ });
  await expect(casesLink).toHaveAccessibleName(
    new RegExp(`^Cases\\s*\\(${oldest.open} open assigned to you\\)$`),
  );
  // Agents approve nothing: no approvals section, no approvals link.
  await expect(page.getByTestId("work-approvals")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Approvals/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // "/" focuses the search from anywhere that is not a text field.
  await page.locator("body").click({ position: { x: 5, y: 400 } });
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search customers, cases, scam reports and staff" });
  await expect(search).toBeFocused();
  await page.keyboard.type(`C-${oldest.number}`);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`C-${oldest.number}`);
  await expect(page).toHaveURL(/\/console\/cases\/[0-9a-f-]{36}$/);

  // Ctrl+K works too, even from inside another text field.
  await page.goto("/console/customers");
  await expect(page.getByLabel("Name, email, phone number or customer id")).toBeFocused();
  await page.keyboard.press("Control+k");
  await expect(search).toBeFocused();
});

test("search results list each kind, say when nothing matched, and refuse hostile text", async ({ page }) => {
  await signIn(page, agent);
  await page.goto(`/console/search?q=${encodeURIComponent(supervisor.name)}`);
  await expect(page.getByTestId("search-staff")).toContainText(supervisor.name);
  await expectNoAxeViolations(page);

  await page.goto("/console/search?q=C-999999");
  await expect(page.getByText("There is no case C-999999.")).toBeVisible();

  const hostile = await page.goto(`/console/search?q=${encodeURIComponent("a\u0000b")}`);
  expect(hostile?.status()).toBe(200);
  await expect(page.getByText("That contains characters no name, number or reference has.")).toBeVisible();

  const long = await page.goto(`/console/search?q=${"x".repeat(400)}&q=second`);
  expect(long?.status()).toBe(200);
  await expect(page.getByText(/too long to search for/)).toBeVisible();
});

test("the search works without JavaScript as a plain form", async ({ page: signedIn, browser }) => {
  await signIn(signedIn, agent);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await signedIn.context().storageState(),
  });
  const page = await context.newPage();
  await page.goto("/console");
  const reference = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ reference: string }>(
          "SELECT reference FROM scam_reports ORDER BY created_at LIMIT 1",
        )
      ).rows[0]?.reference,
  );
  if (!reference) throw new Error("The demo has no scam report");
  await page
    .getByRole("searchbox", { name: "Search customers, cases, scam reports and staff" })
    .fill(reference);
  await page.getByRole("button", { name: "Search", exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/console/scam-reports/${reference}$`));
  await context.close();
});

test("a supervisor sees pending approvals as a badge and on home; the header stays on its rows at 1280 px", async ({
  page,
}) => {
  // A reset an agent asked for, waiting for a supervisor.
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO factor_resets (customer_id, requested_by_id, status, reason, verification_method, expires_at)
       SELECT (SELECT id FROM customers ORDER BY external_id LIMIT 1), s.id, 'PENDING_APPROVAL',
              'Workspace spec: waiting for approval', 'CALLBACK_NUMBER_ON_FILE', now() + interval '1 hour'
         FROM staff_users s WHERE s.email = $1`,
      [agent.email],
    ),
  );
  const pending = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ n: number }>(
          `SELECT ((SELECT count(*) FROM factor_resets r WHERE r.status = 'PENDING_APPROVAL' AND r.expires_at > now()
                     AND r.requested_by_id <> s.id)
                 + (SELECT count(*) FROM contact_restores r WHERE r.status = 'PENDING_APPROVAL' AND r.expires_at > now()
                     AND r.requested_by_id <> s.id))::int AS n
             FROM staff_users s WHERE s.email = $1`,
          [supervisor.email],
        )
      ).rows[0]?.n ?? 0,
  );
  expect(pending).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, supervisor);
  const approvals = page
    .getByRole("navigation", { name: "Console" })
    .getByRole("link", { name: /^Approvals/ });
  await expect(approvals).toHaveAccessibleName(
    new RegExp(`^Approvals\\s*\\(${pending} waiting for your approval\\)$`),
  );
  await expect(page.getByTestId("nav-count-approvals").locator('[aria-hidden="true"]')).toHaveText(
    String(pending),
  );
  const section = page.getByTestId("work-approvals");
  await expect(section.locator("tbody tr")).toHaveCount(pending);
  await expect(section).toContainText(agent.name);

  // Each header row is one line: the navigation never wraps, nor does the top row.
  expect(await rowTops(page, 'nav[aria-label="Console"] li')).toHaveLength(1);
  const navOverflow = await page
    .locator('nav[aria-label="Console"]')
    .evaluate((nav) => nav.scrollWidth > nav.clientWidth);
  expect(navOverflow).toBe(false);
  await expectNoAxeViolations(page);

  await approvals.click();
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
});

test("an admin's navigation fits one row at 1280 px", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO_STAFF.admin);
  expect(await rowTops(page, 'nav[aria-label="Console"] li')).toHaveLength(1);
  const navOverflow = await page
    .locator('nav[aria-label="Console"]')
    .evaluate((nav) => nav.scrollWidth > nav.clientWidth);
  expect(navOverflow).toBe(false);
  const top = page.locator("header > div").first();
  const height = await top.evaluate((row) => row.getBoundingClientRect().height);
  expect(height).toBeLessThan(60);
});

test("the audit log names people and customers, filters by customer and by a catalogue of actions, and refuses forged filters", async ({
  page,
}) => {
  const olivia = STORY_CUSTOMERS.otpBombing;
  await signIn(page, supervisor);
  // A customer search from the top bar: audited, with Olivia among the results.
  await page.goto(`/console/search?q=${encodeURIComponent(olivia.email)}`);
  await expect(page.getByTestId("search-customers")).toContainText(olivia.fullName);
  await page.getByTestId("search-customers").getByRole("link", { name: olivia.fullName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(olivia.fullName);

  await page.goto(`/console/audit?customer=${olivia.externalId}&action=customer.searched`);
  const table = page.getByTestId("audit-table");
  const row = table.locator("tbody tr").first();
  await expect(row).toContainText(supervisor.name);
  await expect(row).toContainText("customer.searched");
  // No raw UUIDs as names, and details as fields behind a disclosure.
  await expect(row.getByText("kind", { exact: true })).toBeHidden();
  await row.locator("summary").click();
  await expect(row.getByText("kind", { exact: true })).toBeVisible();
  await expect(row.locator("dd").first()).toBeVisible();
  const choices = await page.getByLabel("Action").locator("option").allTextContents();
  expect(choices).toContain("customer.searched");
  expect(choices).toContain("customer: every action");
  await expectNoAxeViolations(page);

  // Events aimed at the customer name and link them.
  await page.goto(`/console/audit?customer=${olivia.externalId}&action=customer.viewed`);
  await expect(table.getByRole("link", { name: olivia.fullName }).first()).toBeVisible();

  const forgedAction = await page.goto("/console/audit?action=nothing.like.this");
  expect(forgedAction?.status()).toBe(200);
  await expect(page.getByText("The log holds no action “nothing.like.this”.")).toBeVisible();
  await expect(page.getByTestId("audit-table")).toHaveCount(0);

  const forgedCustomer = await page.goto(`/console/audit?customer=${encodeURIComponent("<b>x</b>")}`);
  expect(forgedCustomer?.status()).toBe(200);
  await expect(page.getByText(/Give the customer's id/)).toBeVisible();
});

test("an admin resends and then revokes a pending invitation; each is audited", async ({ page }) => {
  const admin = DEMO_STAFF.admin;
  const email = `workspace-invite-${Date.now()}@desk.example`;
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO staff_invites (email, name, role, token_hash, invited_by_id, expires_at)
       SELECT $1, 'Invited Person', 'AGENT', md5(random()::text) || md5(random()::text), id, now() + interval '1 day'
         FROM staff_users WHERE email = $2`,
      [email, admin.email],
    ),
  );
  await signIn(page, admin, "/console/staff");
  // Managing staff needs a fresh second factor: age the sign-in's, so the prompt always shows.
  await withE2eDatabase((db) =>
    db.query(
      "UPDATE staff_sessions SET step_up_at = NULL WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)",
      [admin.email],
    ),
  );
  const pending = page.getByTestId("pending-invite").filter({ hasText: email });
  await pending.locator("summary").click();
  await pending.getByLabel("Reason").first().fill("They lost the first link");
  await pending.getByRole("button", { name: "Send a new link" }).click();
  await completeStepUp(page, admin);
  await expect(page.getByTestId("invite-link")).toContainText("/invite/");
  await expect(page.getByText(`New invitation link for ${email}`)).toBeVisible();

  await page.reload();
  const renewed = page.getByTestId("pending-invite").filter({ hasText: email });
  await renewed.locator("summary").click();
  await renewed.getByLabel("Reason").nth(1).fill("Sent to the wrong address");
  await renewed.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByText(`Invitation for ${email} revoked`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("pending-invite").filter({ hasText: email })).toHaveCount(0);

  const audit = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ action: string; reason: string }>(
          "SELECT action, reason FROM audit_events WHERE target_type = 'staff-invite' AND target_id = $1 ORDER BY seq",
          [email],
        )
      ).rows,
  );
  expect(audit).toEqual([
    { action: "staff.invite.resent", reason: "They lost the first link" },
    { action: "staff.invite.revoked", reason: "Sent to the wrong address" },
  ]);
});

test("compact tables: one press tightens every table, and the choice survives a reload", async ({ page }) => {
  await signIn(page, agent);
  const cell = page.getByTestId("my-cases").locator("tbody td").first();
  const padding = () => cell.evaluate((td) => Number.parseFloat(getComputedStyle(td).paddingTop));
  const comfortable = await padding();
  const toggle = page.getByRole("button", { name: "Compact tables" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await padding()).toBeLessThan(comfortable);
  await page.reload();
  await expect(page.getByRole("button", { name: "Compact tables" })).toHaveAttribute("aria-pressed", "true");
  expect(await padding()).toBeLessThan(comfortable);
  await page.getByRole("button", { name: "Compact tables" }).click();
  expect(await padding()).toBe(comfortable);
});

test("cases sort by a column header, refuse an unknown sort, and two are assigned in one go, audited per case", async ({
  page,
}) => {
  const tag = `bulk-${Date.now()}`;
  const numbers = await withE2eDatabase(async (db) =>
    (
      await db.query<{ number: number }>(
        `INSERT INTO cases (customer_id, type, subject)
         SELECT id, 'LOST_PHONE', $1 || n FROM (SELECT id FROM customers ORDER BY external_id LIMIT 1) c, generate_series(1, 2) n
         RETURNING number`,
        [`${tag} `],
      )
    ).rows.map((row) => row.number),
  );
  await signIn(page, agent, "/console/cases");
  const table = page.getByTestId("cases-table");
  await table.getByRole("link", { name: "Case", exact: true }).click();
  await expect(page).toHaveURL(/sort=-number/);
  await expect(table.getByRole("columnheader", { name: /Case/ })).toHaveAttribute("aria-sort", "descending");
  const shown = await table.locator("tbody tr td:nth-child(2) a").allTextContents();
  const shownNumbers = shown.map((text) => Number(text.replace("C-", "")));
  expect(shownNumbers).toEqual([...shownNumbers].sort((a, b) => b - a));

  for (const number of numbers) await table.getByLabel(`Select C-${number}`).check();
  await page.getByLabel("Assign to").selectOption({ label: agent.name });
  await page.getByRole("button", { name: "Assign ticked cases" }).click();
  await expect(
    page.getByRole("region", { name: "Assign the ticked cases" }).getByTestId("form-status"),
  ).toContainText(`2 cases assigned to ${agent.name}`);
  const audit = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_events a JOIN cases c ON c.id::text = a.target_id
            WHERE a.action = 'case.assigned' AND c.subject LIKE $1 AND (a.data->>'bulk')::boolean`,
          [`${tag}%`],
        )
      ).rows[0]?.n,
  );
  expect(audit).toBe(2);

  const refused = await page.goto("/console/cases?sort=password");
  expect(refused?.status()).toBe(200);
  await expect(page.getByText("Cases cannot be sorted by “password”.")).toBeVisible();
  await expect(page.getByTestId("cases-table")).toHaveCount(0);
});

test("an agent assigns two scam reports in one go from the queue; each is audited", async ({ page }) => {
  const tag = `Bulk Org ${Date.now()}`;
  const references = await withE2eDatabase(async (db) =>
    (
      await db.query<{ reference: string }>(
        `INSERT INTO scam_reports (reference, source, channel, contacted_at, story, claimed_organisation)
         SELECT 'SR-' || upper(substr(md5(random()::text), 1, 4)) || '-' || upper(substr(md5(random()::text), 1, 4)),
                'STAFF', 'CALL', now(), 'Workspace spec report', $1
           FROM generate_series(1, 2)
         RETURNING reference`,
        [tag],
      )
    ).rows.map((row) => row.reference),
  );
  await signIn(page, agent, `/console/scam-reports?q=${encodeURIComponent(tag)}`);
  const queue = page.getByTestId("scam-queue");
  for (const reference of references) await queue.getByLabel(`Select ${reference}`).check();
  await page.getByLabel("Assign to").selectOption({ label: agent.name });
  await page.getByRole("button", { name: "Assign ticked reports" }).click();
  await expect(
    page.getByRole("region", { name: "Assign the ticked reports" }).getByTestId("form-status"),
  ).toContainText(`2 reports assigned to ${agent.name}`);
  for (const reference of references)
    await expect(queue.locator(`tr[data-reference="${reference}"]`)).toContainText(agent.name);
  const audit = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_events
            WHERE action = 'scam_report.triaged' AND data->>'reference' = ANY($1) AND (data->>'bulk')::boolean`,
          [references],
        )
      ).rows[0]?.n,
  );
  expect(audit).toBe(2);
});
