// axe on every console page, each visited as a role that may open it: the pages come from
// docs/authorization-matrix.md (which the authorization spec keeps complete), so a new console page
// is checked here as soon as it is documented. A few states that only show after an action (a saved
// view listed, the search's recent items open) are checked as well.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { expectNoAxeViolations } from "./support/help";
import { signIn } from "./support/staff";

type Role = "Agent" | "Supervisor" | "Admin";
const ROLES: Role[] = ["Agent", "Supervisor", "Admin"];
const CREDENTIALS = { Agent: DEMO_STAFF.agent, Supervisor: DEMO_STAFF.supervisor, Admin: DEMO_STAFF.admin };

/** Console pages from the matrix, each with the least privileged role allowed to open it. */
function consolePages(): { target: string; role: Role }[] {
  return readFileSync("docs/authorization-matrix.md", "utf8")
    .split("\n")
    .filter((line) => /^\|\s*page\s*\|/.test(line))
    .map((line) => {
      const [, target = "", , agent, supervisor, admin] = line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
      const allowed = { Agent: agent, Supervisor: supervisor, Admin: admin };
      const role = ROLES.find((candidate) => allowed[candidate] === "allow");
      if (!role) throw new Error(`No staff role may open ${target}`);
      return { target, role };
    });
}

test.describe.configure({ timeout: 300_000 });

async function placeholders() {
  return withE2eDatabase(async (db) => {
    const customer = await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [
      STORY_CUSTOMERS.otpBombing.externalId,
    ]);
    const customerId = customer.rows[0]?.id ?? "";
    const attempt = await db.query<{ id: string }>(
      "SELECT id::text FROM login_attempts WHERE customer_id = $1 LIMIT 1",
      [customerId],
    );
    const kase = await db.query<{ id: string }>("SELECT id FROM cases ORDER BY number LIMIT 1");
    return {
      ":customer": customerId,
      ":attempt": attempt.rows[0]?.id ?? "",
      ":case": kase.rows[0]?.id ?? "",
    };
  });
}

async function checkPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.locator("main")).toBeVisible();
  await expectNoAxeViolations(page);
}

for (const role of ROLES) {
  test(`axe finds nothing on the console pages a ${role.toLowerCase()} opens`, async ({ page }) => {
    const values = await placeholders();
    const pages = consolePages().filter((entry) => entry.role === role);
    expect(pages.length).toBeGreaterThan(0);
    await signIn(page, CREDENTIALS[role]);
    for (const entry of pages) {
      const path = entry.target.replace(
        /:customer|:attempt|:case/g,
        (name) => values[name as keyof typeof values],
      );
      // A new case is opened for a customer: without one the page is "Not found".
      await checkPage(page, path === "/console/cases/new" ? `${path}?customer=${values[":customer"]}` : path);
    }
  });
}

test("axe finds nothing on the lists with a saved view, sorted by priority, with search results and the recent items open", async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF.supervisor, "/console/cases?sort=-priority");
  const views = page.getByRole("region", { name: "Saved views" });
  await views.getByLabel("Name of this view").fill(`Urgent first ${Date.now()}`);
  await views.getByRole("button", { name: "Save this view" }).click();
  await expect(views.getByRole("link", { name: /Urgent first/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await checkPage(page, "/console/scam-reports?status=all&sort=priority");
  await checkPage(page, "/console/audit?action=case.");
  await checkPage(page, "/console/search?q=C-1");

  // A case opened joins the recent items, which show while focus is in the search.
  const kase = await withE2eDatabase(
    async (db) =>
      (await db.query<{ id: string }>("SELECT id FROM cases ORDER BY number LIMIT 1")).rows[0]?.id,
  );
  await page.goto(`/console/cases/${kase}`);
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page.getByRole("navigation", { name: "Recently opened" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expectNoAxeViolations(page);
});
