// Issue #17's acceptance journey: an agent starts from home, opens their oldest case with "/" search,
// assigns two scam reports in one go, saves a view of the queue, signs out and in again and finds
// the view (and the case among their recent items); the same journey with the keyboard alone; and
// the bad input the issue names: a forged saved-view filter, a bulk change over items the agent may
// not touch, an unknown sort column. Each refusal is clear and leaves nothing half done.
import { expect, test, type Locator, type Page } from "./support/test";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { signIn } from "./support/staff";
import { totpCode, waitForNextStep } from "./support/totp";

const agent = DEMO_STAFF.agent;

test.describe.configure({ timeout: 180_000 });

async function oldestOpenCase(): Promise<number> {
  const found = await withE2eDatabase((db) =>
    db.query<{ number: number }>(
      `SELECT c.number FROM cases c JOIN staff_users s ON s.id = c.assignee_id
        WHERE s.email = $1 AND c.status <> 'CLOSED' ORDER BY c.created_at, c.number LIMIT 1`,
      [agent.email],
    ),
  );
  const number = found.rows[0]?.number;
  if (number === undefined) throw new Error("The demo agent has no open case");
  return number;
}

/** Two new, unassigned reports from one made-up organisation, so the queue can be searched for them. */
async function twoReports(tag: string, loss: [number | null, number | null] = [null, null]) {
  // Written directly, so their stored priority stays at its default: this spec is about the lists.
  return withE2eDatabase(
    async (db) =>
      (
        await db.query<{ id: string; reference: string }>(
          `INSERT INTO scam_reports (reference, source, channel, contacted_at, story, claimed_organisation, money_lost_cents, created_at)
         SELECT 'SR-' || upper(substr(md5(random()::text), 1, 4)) || '-' || upper(substr(md5(random()::text), 1, 4)),
                'STAFF', 'CALL', now(), 'Journey spec report', $1, ($2::int[])[n], now() - n * interval '1 minute'
           FROM generate_series(1, 2) n
         ORDER BY n
         RETURNING id, reference`,
          [tag, loss],
        )
      ).rows,
  );
}

async function savedViewNames(): Promise<string[]> {
  return withE2eDatabase(async (db) =>
    (
      await db.query<{ name: string }>(
        `SELECT v.name FROM saved_views v JOIN staff_users s ON s.id = v.staff_id WHERE s.email = $1 ORDER BY v.name`,
        [agent.email],
      )
    ).rows.map((row) => row.name),
  );
}

/** Presses Tab (at most `limit` times) until `target` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Signs in by typing and tabbing through the form (retrying when this time step's code was used). */
async function signInByKeyboard(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto("/console/sign-in");
    await tabTo(page, page.getByLabel("Email"));
    await page.keyboard.type(agent.email);
    await tabTo(page, page.getByLabel("Password"));
    await page.keyboard.type(agent.password);
    await tabTo(page, page.getByLabel("Authenticator code"));
    await page.keyboard.type(await totpCode(agent.totpSecret));
    await page.keyboard.press("Enter");
    const outcome = await Promise.race([
      page
        .waitForURL((url) => !url.pathname.startsWith("/console/sign-in"), { timeout: 15_000 })
        .then(() => "ok" as const),
      page
        .getByTestId("sign-in-error")
        .getByText(/already been used/)
        .waitFor({ timeout: 15_000 })
        .then(() => "replayed" as const),
    ]);
    if (outcome === "ok") return;
    await waitForNextStep();
  }
  throw new Error("Could not sign in by keyboard");
}

const searchBox = (page: Page) =>
  page.getByRole("searchbox", { name: "Search customers, cases, scam reports and staff" });

/** "/" puts the caret in the search once the page's script is running (retried until then). */
async function pressSlash(page: Page): Promise<void> {
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(searchBox(page)).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test("the journey: home, oldest case by / search, two reports assigned at once, a view saved and found after signing in again", async ({
  page,
}) => {
  const oldest = await oldestOpenCase();
  const tag = `Journey Org ${Date.now()}`;
  const reports = await twoReports(tag, [5_000, 250_000]);

  await signIn(page, agent);
  await expect(page.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();
  await page.locator("body").click({ position: { x: 5, y: 400 } });
  await pressSlash(page);
  await page.keyboard.type(`C-${oldest}`);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`C-${oldest}`);

  // The queue, filtered to the two reports and sorted by loss: the larger loss first.
  await page.goto(`/console/scam-reports?${new URLSearchParams({ q: tag, sort: "loss" })}`);
  const queue = page.getByTestId("scam-queue");
  await expect(queue.locator("tbody tr")).toHaveCount(2);
  await expect(queue.locator("tbody tr").first()).toHaveAttribute(
    "data-reference",
    reports[1]?.reference ?? "",
  );
  for (const report of reports) await queue.getByLabel(`Select ${report.reference}`).check();
  const assign = page.getByRole("region", { name: "Assign the ticked reports" });
  await assign.getByLabel("Assign to").selectOption({ label: agent.name });
  await assign.getByRole("button", { name: "Assign ticked reports" }).click();
  await expect(assign.getByTestId("form-status")).toContainText(`2 reports assigned to ${agent.name}`);

  const views = page.getByRole("region", { name: "Saved views" });
  const viewName = `Journey ${Date.now()}`;
  await views.getByLabel("Name of this view").fill(viewName);
  await views.getByRole("button", { name: "Save this view" }).click();
  await expect(views.getByTestId("save-view").getByTestId("form-status")).toContainText(
    `View “${viewName}” saved.`,
  );
  expect(await savedViewNames()).toContain(viewName);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/console\/sign-in/);
  await signIn(page, agent, "/console/scam-reports");
  const link = page.getByRole("region", { name: "Saved views" }).getByRole("link", { name: viewName });
  await expect(link).toHaveAttribute(
    "href",
    `/console/scam-reports?${new URLSearchParams({ q: tag, sort: "loss" })}`,
  );
  await link.click();
  await expect(page).toHaveURL(/sort=loss/);
  for (const report of reports)
    await expect(queue.locator(`tr[data-reference="${report.reference}"]`)).toContainText(agent.name);
  await expect(page.getByRole("combobox", { name: "Order" })).toHaveValue("loss");

  // Most urgent first: the demo's £1,250 loss leads the whole queue, and no row outranks the one above.
  await page.goto("/console/scam-reports?status=all&sort=priority");
  const levels = ["Normal", "Raised", "High", "Urgent"];
  const shown = (await queue.getByTestId("priority").allTextContents()).map((text) => levels.indexOf(text));
  expect(shown[0]).toBeGreaterThanOrEqual(2);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
});

test("the same journey with the keyboard alone", async ({ page }) => {
  const oldest = await oldestOpenCase();
  const tag = `Keys Org ${Date.now()}`;
  const reports = await twoReports(tag);

  await signInByKeyboard(page);
  await expect(page.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();
  await pressSlash(page);
  await page.keyboard.type(`C-${oldest}`);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`C-${oldest}`);

  // Back in the search, the case just opened is among the recent items, reachable with Tab.
  await pressSlash(page);
  const recent = page.getByRole("navigation", { name: "Recently opened" });
  const recentCase = recent.getByRole("link", { name: new RegExp(`C-${oldest}`) });
  await expect(recentCase).toBeVisible();
  await page.goto("/console");
  await pressSlash(page);
  await tabTo(page, recentCase, 20);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`C-${oldest}`);
  await tabTo(
    page,
    page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: /^Scam reports/ }),
  );
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Scam reports", level: 1 })).toBeVisible();
  await tabTo(page, page.getByLabel("Number, sender or reference"));
  await page.keyboard.type(tag);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=Keys/);
  const queue = page.getByTestId("scam-queue");
  await expect(queue.locator("tbody tr")).toHaveCount(2);
  for (const report of reports) {
    await tabTo(page, queue.getByLabel(`Select ${report.reference}`));
    await page.keyboard.press("Space");
  }
  const assign = page.getByRole("region", { name: "Assign the ticked reports" });
  await tabTo(page, assign.getByLabel("Assign to"), 300);
  // A closed select takes typed letters as a choice, the way a keyboard user picks from it.
  await page.keyboard.type(agent.name);
  await expect(assign.getByLabel("Assign to")).not.toHaveValue("");
  await tabTo(page, assign.getByRole("button", { name: "Assign ticked reports" }));
  await page.keyboard.press("Enter");
  await expect(assign.getByTestId("form-status")).toContainText(`2 reports assigned to ${agent.name}`);

  const views = page.getByRole("region", { name: "Saved views" });
  const viewName = `Keys ${Date.now()}`;
  await tabTo(page, views.getByLabel("Name of this view"), 300);
  await page.keyboard.type(viewName);
  await page.keyboard.press("Enter");
  await expect(views.getByTestId("save-view").getByTestId("form-status")).toContainText(
    `View “${viewName}” saved.`,
  );

  await tabTo(page, page.getByRole("button", { name: "Sign out" }), 300);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/console\/sign-in/);
  await signInByKeyboard(page);
  // Home, then the queue through the navigation, then the view: Tab and Enter only.
  await tabTo(
    page,
    page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: /^Scam reports/ }),
  );
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Scam reports", level: 1 })).toBeVisible();
  const link = page.getByRole("region", { name: "Saved views" }).getByRole("link", { name: viewName });
  await tabTo(page, link, 300);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(tag).replaceAll("%20", "\\+")}`));
  for (const report of reports)
    await expect(queue.locator(`tr[data-reference="${report.reference}"]`)).toContainText(agent.name);
});

test("bad input: a forged saved-view filter, a bulk change over a colleague's report, an unknown sort column", async ({
  page,
}) => {
  const tag = `Bad Org ${Date.now()}`;
  const reports = await twoReports(tag);
  const [mine, theirs] = reports;
  if (!mine || !theirs) throw new Error("Reports were not written");
  await withE2eDatabase((db) =>
    db.query(
      `UPDATE scam_reports SET assignee_id = (SELECT id FROM staff_users WHERE email = $1) WHERE id = $2`,
      [DEMO_STAFF.supervisor.email, theirs.id],
    ),
  );
  await signIn(page, agent, "/console/cases");

  // A forged filter in the saved view's query (as a crafted request would send it): refused by name.
  const before = await savedViewNames();
  const views = page.getByRole("region", { name: "Saved views" });
  await views.locator('input[name="query"]').evaluate((input) => {
    (input as HTMLInputElement).value = "status=OPEN&assigneeId=00000000-0000-4000-8000-000000000000";
  });
  await views.getByLabel("Name of this view").fill("Forged");
  await views.getByRole("button", { name: "Save this view" }).click();
  await expect(views.getByTestId("save-view").getByTestId("form-status")).toContainText(
    "This view cannot be saved: “assigneeId” is not a filter of the cases list. Nothing was saved.",
  );
  expect(await savedViewNames()).toEqual(before);

  // A bulk status change over one free report and one of a colleague's: refused whole.
  await page.goto(`/console/scam-reports?${new URLSearchParams({ q: tag })}`);
  const queue = page.getByTestId("scam-queue");
  for (const report of reports) await queue.getByLabel(`Select ${report.reference}`).check();
  const bulk = page.getByRole("region", { name: "Change the status of the ticked reports" });
  await bulk.getByLabel("New status").selectOption("ESCALATED");
  await bulk.getByRole("button", { name: "Change status" }).click();
  await expect(bulk.getByTestId("form-status")).toContainText(theirs.reference);
  await expect(bulk.getByTestId("form-status")).toContainText("Nothing was changed.");
  const after = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ status: string; audited: number }>(
          `SELECT r.status::text AS status,
                (SELECT count(*)::int FROM audit_events a WHERE a.target_id = r.id::text AND a.action = 'scam_report.triaged') AS audited
           FROM scam_reports r WHERE r.id = ANY($1::uuid[])`,
          [[mine.id, theirs.id]],
        )
      ).rows,
  );
  expect(after).toEqual([
    { status: "NEW", audited: 0 },
    { status: "NEW", audited: 0 },
  ]);

  // With only the free one ticked, the change goes through and is audited.
  await queue.getByLabel(`Select ${theirs.reference}`).uncheck();
  await bulk.getByRole("button", { name: "Change status" }).click();
  await expect(bulk.getByTestId("form-status")).toContainText(`1 report now escalated: ${mine.reference}`);

  // Unknown sort columns: a clear refusal on both lists, no table in some other order, no 5xx.
  const queueSort = await page.goto("/console/scam-reports?sort=reporter_email");
  expect(queueSort?.status()).toBeLessThan(500);
  await expect(
    page.getByText("Reports cannot be sorted that way. Sort by newest, oldest, money lost or priority."),
  ).toBeVisible();
  await expect(page.getByTestId("scam-queue")).toHaveCount(0);
  const caseSort = await page.goto("/console/cases?sort=priority_secret");
  expect(caseSort?.status()).toBeLessThan(500);
  await expect(page.getByText("Cases cannot be sorted by “priority_secret”.")).toBeVisible();
  await expect(page.getByTestId("cases-table")).toHaveCount(0);
});
