// Scam reports end to end: the public form without JavaScript, the agent's triage, correlation with
// the seeded takeover and the case it leads to, analytics and the CSV export; then hostile input.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { expect, test, type Browser, type BrowserContext, type Page } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS, TAKEOVER } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { expectNoAxeViolations } from "./support/help";
import { signIn } from "./support/staff";

test.describe.configure({ timeout: 180_000 });

const marcus = STORY_CUSTOMERS.takeover;

/** What a datetime-local input holds for `date` on a wall clock in London. */
function londonWallClock(date: Date): string {
  return format(new TZDate(date, "Europe/London"), "yyyy-MM-dd'T'HH:mm");
}

let clientCounter = 0;
/** Every public-form client gets its own address, so one test's rate limits never touch another's. */
async function publicContext(
  browser: Browser,
  options: { javaScriptEnabled: boolean },
): Promise<BrowserContext> {
  clientCounter += 1;
  return browser.newContext({
    ...options,
    extraHTTPHeaders: { "x-forwarded-for": `198.18.${process.pid % 250}.${clientCounter}` },
  });
}

/** Fails the test if any response was a server error. */
function watchForServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

type ReportAnswers = {
  channel?: string;
  contact?: string;
  organisation?: string;
  role?: string;
  name?: string;
  contactedAt?: string;
  asks?: string[];
  shared?: "Yes" | "No";
  moneyLost?: string;
  story?: string;
  reporterName?: string;
  reporterPhone?: string;
  customerEmail?: string;
};

async function fillReport(page: Page, answers: ReportAnswers): Promise<void> {
  await page.getByLabel(answers.channel ?? "Phone call", { exact: true }).check();
  if (answers.contact !== undefined)
    await page.getByLabel("The phone number, or who it was from").fill(answers.contact);
  if (answers.organisation !== undefined)
    await page.getByLabel("Organisation", { exact: true }).fill(answers.organisation);
  if (answers.role !== undefined) await page.getByLabel("Role or department").fill(answers.role);
  if (answers.name !== undefined) await page.getByLabel("Name they gave").fill(answers.name);
  await page
    .getByLabel("Date and time")
    .fill(answers.contactedAt ?? londonWallClock(new Date(Date.now() - 86_400_000)));
  await page.getByLabel("Time zone").selectOption("Europe/London");
  for (const ask of answers.asks ?? []) await page.getByLabel(ask).check();
  await page
    .getByRole("group", { name: /Did you give them anything/ })
    .getByLabel(answers.shared ?? "No", { exact: true })
    .check();
  if (answers.moneyLost !== undefined) await page.getByLabel("Amount").fill(answers.moneyLost);
  await page
    .getByLabel("What happened?")
    .fill(answers.story ?? "They said they were from the fraud team and wanted the code we had texted.");
  if (answers.reporterName !== undefined)
    await page.getByLabel("Name", { exact: true }).fill(answers.reporterName);
  if (answers.reporterPhone !== undefined)
    await page.getByLabel("Phone", { exact: true }).fill(answers.reporterPhone);
  if (answers.customerEmail !== undefined)
    await page.getByLabel("The email address of your account with us (optional)").fill(answers.customerEmail);
}

/** The form refuses submissions quicker than a person could make them. */
async function waitMinimumFillTime(page: Page): Promise<void> {
  await page.waitForTimeout(3_200);
}

async function sendReport(page: Page): Promise<string> {
  await waitMinimumFillTime(page);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page).toHaveURL(/\/report\/sent\?ref=SR-/);
  const reference = (await page.getByTestId("report-reference").textContent()) ?? "";
  expect(reference).toMatch(/^SR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return reference;
}

const ACCEPTANCE_ORGANISATION = "Account Protection Unit (e2e)";

test("a customer reports a scam call without JavaScript; an agent links it to the takeover, sees it, opens a case; analytics shows it", async ({
  browser,
}) => {
  // 1. The customer, with JavaScript off.
  const publicSide = await publicContext(browser, { javaScriptEnabled: false });
  const customerPage = await publicSide.newPage();
  const serverErrors = watchForServerErrors(customerPage);
  await customerPage.goto("/report");
  // The call that came 25 minutes before the attacker signed in to Marcus Reid's account (demo data).
  const callAt = new Date(Date.now() - TAKEOVER.signInAgo - TAKEOVER.scamCallBefore);
  await fillReport(customerPage, {
    contact: "020 7946 0123",
    organisation: ACCEPTANCE_ORGANISATION,
    role: "Fraud advisor",
    contactedAt: londonWallClock(callAt),
    asks: ["A one-time code (a code sent to you by text, email or app)"],
    shared: "Yes",
    story:
      "He said someone was buying a laptop on my account. A code came by text and he asked me to read it out. I did.",
    customerEmail: marcus.email,
  });
  const reference = await sendReport(customerPage);
  const steps = customerPage.getByTestId("next-steps");
  await expect(steps.locator('[data-step="secure-account"]')).toContainText(
    "You may have shared a code: change your password now",
  );
  await expect(steps.getByRole("link", { name: "Hacked account checklist" })).toHaveAttribute(
    "href",
    "/help/hacked-account-checklist",
  );
  await expect(customerPage.getByTestId("national-authorities")).toContainText("Action Fraud");
  await expect(customerPage.getByTestId("national-authorities")).toContainText("7726");
  await expect(customerPage.getByTestId("national-authorities")).toContainText("ReportFraud.ftc.gov");
  expect(serverErrors).toEqual([]);
  await publicSide.close();

  // 2. An agent finds it in the queue by the caller's number.
  const agentSide = await browser.newContext();
  const page = await agentSide.newPage();
  await signIn(page, DEMO_STAFF.agent);
  await page.getByRole("link", { name: "Scam reports" }).click();
  await page.getByLabel("Number, sender or reference").fill("+44 20 7946 0123");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const row = page.getByTestId("scam-queue").locator(`tr[data-reference="${reference}"]`);
  await expect(row).toContainText(ACCEPTANCE_ORGANISATION);
  await expect(row).toContainText("Watchlist");
  // Marcus's own report of the same call, taken by phone, is within the week.
  await expect(row.getByTestId("duplicate-hints")).toContainText(
    /other reports? of this number within 7 days/,
  );
  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByTestId("report-title")).toHaveText(reference);
  await expect(page.getByTestId("report-story")).toContainText("asked me to read it out");

  // 3. Links it to the customer, with the account email the reporter gave.
  await expect(page.getByLabel("Customer's email, phone number or customer id")).toHaveValue(marcus.email);
  await page.getByRole("button", { name: "Link customer" }).click();
  await expect(page.getByTestId("linked-customer")).toContainText(marcus.fullName);

  // 4. Sees the code sent to his phone and used minutes later on the attacker's new device.
  const correlation = page.getByTestId("correlation");
  const finding = correlation.locator('[data-finding="CODE_USED_ON_NEW_DEVICE"]');
  await expect(finding).toContainText(
    "Likely takeover: a code sent to the customer was used on a new device",
  );
  await expect(finding).toContainText(`${TAKEOVER.city}, ${TAKEOVER.country}, IP ${TAKEOVER.ip}`);
  const takeoverRows = correlation.locator('tr[data-takeover="true"]');
  await expect(takeoverRows.filter({ hasText: "Sign-in code sent" }).first()).toContainText(
    "Used on a new device",
  );
  await expect(takeoverRows.filter({ hasText: "Signed in" })).toContainText("New device");
  await expect(takeoverRows.filter({ hasText: "Signed in" })).toContainText(TAKEOVER.ip);

  // 5. Opens a compromised-account case from it.
  await page.getByRole("button", { name: "Open compromised-account case" }).click();
  await expect(page.getByTestId("linked-case")).toContainText(/Case C-\d+/);
  const stored = await withE2eDatabase(
    async (db) =>
      (
        await db.query<{ status: string; type: string; case_status: string; customer: string }>(
          `SELECT r.status::text, c.type::text, c.status::text AS case_status, cu.full_name AS customer
           FROM scam_reports r JOIN cases c ON c.id = r.case_id JOIN customers cu ON cu.id = c.customer_id
          WHERE r.reference = $1`,
          [reference],
        )
      ).rows[0],
  );
  expect(stored).toEqual({
    status: "ESCALATED",
    type: "COMPROMISED_ACCOUNT",
    case_status: "OPEN",
    customer: marcus.fullName,
  });

  // His customer page now warns about the watchlisted number.
  await page.getByTestId("linked-customer").getByRole("link", { name: marcus.fullName }).click();
  await expect(page.getByTestId("watchlist-warning")).toContainText("+44 20 7946 0123");
  await expect(page.getByTestId("watchlist-warning")).toContainText(reference);
  await agentSide.close();

  // 6. A supervisor sees it in the analytics and in the CSV export.
  const supervisorSide = await browser.newContext();
  const supervisor = await supervisorSide.newPage();
  await signIn(supervisor, DEMO_STAFF.supervisor);
  await supervisor.getByRole("link", { name: "Analytics" }).click();
  await supervisor.getByRole("link", { name: "30 days" }).click();
  await expect(supervisor.getByTestId("top-organisations")).toContainText(ACCEPTANCE_ORGANISATION);
  await expect(supervisor.getByTestId("top-numbers")).toContainText("+44 20 7946 0123");
  await expect(supervisor.getByTestId("column-chart")).toBeVisible();
  const csv = await supervisor.request.get("/api/scam-reports/export?days=30");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="scam-reports-/);
  const line = (await csv.text()).split("\r\n").find((candidate) => candidate.startsWith(reference));
  expect(line).toContain(
    `'+442079460123,020 7946 0123,${ACCEPTANCE_ORGANISATION},Fraud advisor,,One-time code,Yes`,
  );
  await supervisorSide.close();
});

test("an agent records a report taken by phone; the third report of a number puts it on the watchlist", async ({
  page,
}) => {
  const olivia = STORY_CUSTOMERS.otpBombing;
  await signIn(page, DEMO_STAFF.agent);
  await page.goto("/console/scam-reports/new");
  await page.getByLabel("Phone call", { exact: true }).check();
  // The fake "bank fraud department" number has two reports in the demo data.
  await page.getByLabel("Caller's number or sender").fill("07700 900777");
  await page.getByLabel("Organisation", { exact: true }).fill("Bank fraud department");
  await page.getByLabel("Date and time").fill(londonWallClock(new Date(Date.now() - 3 * 3_600_000)));
  await page.getByLabel("To send or move money").check();
  await page
    .getByRole("group", { name: /Did the customer give them anything/ })
    .getByLabel("No", { exact: true })
    .check();
  await page
    .getByLabel("What happened")
    .fill(
      "Customer called to check: the caller wanted her to move her savings to a safe account. She hung up.",
    );
  await page.getByLabel("Customer", { exact: true }).fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Record report" }).click();
  await expect(page.getByText("No customer matches that email, phone number or id.").first()).toBeVisible();
  await page.getByLabel("Customer", { exact: true }).fill(olivia.email);
  await page.getByRole("button", { name: "Record report" }).click();
  await expect(page.getByText("Report recorded.")).toBeVisible();
  await expect(page.getByTestId("linked-customer")).toContainText(olivia.fullName);
  await expect(page.getByText("This number is on the scam watchlist")).toBeVisible();

  await page.goto("/console/scam-reports/watchlist");
  await expect(page.getByTestId("watchlist")).toContainText("+44 7700 900777");
  await page.goto("/console/customers");
  await page.getByLabel("Name, email, phone number or customer id").fill(olivia.email);
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await page.getByTestId("customer-results").getByRole("link", { name: olivia.fullName }).click();
  await expect(page.getByTestId("watchlist-warning")).toContainText("+44 7700 900777");
});

const HOSTILE = {
  contact: "-2+3",
  organisation: `<script>window.__xss=1</script>Fake Bank`,
  role: `=HYPERLINK("http://evil.example","click")`,
  name: "@SUM(1+1)",
  story: `+cmd|' /C calc'!A0 <img src=x onerror="window.__xss=1"> and <b>bold</b>`,
  reporterName: `"><svg onload="window.__xss=1">`,
  reporterPhone: "<i>555</i>",
};

test("scripts and HTML in every text field are shown as text in the console and neutralised in the CSV", async ({
  browser,
}) => {
  const publicSide = await publicContext(browser, { javaScriptEnabled: true });
  const reporter = await publicSide.newPage();
  const serverErrors = watchForServerErrors(reporter);
  await reporter.goto("/report");
  await fillReport(reporter, { channel: "Something else", ...HOSTILE, shared: "No" });
  const reference = await sendReport(reporter);
  await publicSide.close();

  const staffSide = await browser.newContext();
  const page = await staffSide.newPage();
  const consoleErrors = watchForServerErrors(page);
  await signIn(page, DEMO_STAFF.supervisor);
  await page.goto(`/console/scam-reports?${new URLSearchParams({ q: reference })}`);
  await expect(page.getByTestId("scam-queue")).toContainText(HOSTILE.organisation);
  await page.goto(`/console/scam-reports/${reference}`);
  const facts = page.getByTestId("report-facts");
  for (const value of [
    HOSTILE.organisation,
    HOSTILE.role,
    HOSTILE.name,
    HOSTILE.reporterName,
    HOSTILE.reporterPhone,
    HOSTILE.contact,
  ]) {
    await expect(facts).toContainText(value);
  }
  await expect(page.getByTestId("report-story")).toHaveText(HOSTILE.story);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], b:text("bold")')).toHaveCount(0);

  const csv = await page.request.get("/api/scam-reports/export?days=30");
  const line = (await csv.text()).split("\r\n").find((candidate) => candidate.startsWith(reference)) ?? "";
  expect(line).toContain(`,'-2+3,`);
  expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(line).toContain(`,'@SUM(1+1),`);
  expect(line).toContain(`"'+cmd|' /C calc'!A0 <img src=x onerror=""window.__xss=1""> and <b>bold</b>"`);
  expect(line).toContain(`<script>window.__xss=1</script>Fake Bank`);
  // Reporter contact details stay out of the export.
  expect(line).not.toContain("svg");
  expect([...serverErrors, ...consoleErrors]).toEqual([]);
  await staffSide.close();
});

test("bad input gets clear messages, never a server error", async ({ browser }) => {
  const context = await publicContext(browser, { javaScriptEnabled: true });
  const page = await context.newPage();
  const serverErrors = watchForServerErrors(page);
  const summary = page.getByTestId("error-summary");

  // A date in the future, negative and absurd amounts, a malformed email: every problem listed.
  await page.goto("/report");
  await fillReport(page, {
    contactedAt: londonWallClock(new Date(Date.now() + 3 * 86_400_000)),
    moneyLost: "-50",
  });
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("not-an-email");
  await waitMinimumFillTime(page);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(summary).toContainText("That date and time is in the future.");
  await expect(summary).toContainText("Enter an amount of 0 or more");
  await expect(summary).toContainText("Enter your email address like name@example.com");
  await expect(page.getByLabel("What happened?")).toHaveValue(/fraud team/);
  await page.getByLabel("Date and time").fill(londonWallClock(new Date(Date.now() - 3_600_000)));
  await page.getByLabel("Amount").fill("99999999999");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(summary).toContainText("That is more than this form can record");
  await expect(summary).not.toContainText("in the future");

  // A 1 MB story pasted past the field's limit: stopped before it is sent, with its length.
  await page.getByLabel("Amount").fill("");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("");
  await page.getByLabel("What happened?").evaluate((element) => element.removeAttribute("maxlength"));
  await page.getByLabel("What happened?").fill("a".repeat(1_048_576));
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(summary).toContainText("Your story is 1,048,576 characters long");

  // Invalid and foreign numbers are accepted: invalid ones kept as typed, foreign ones normalised.
  await page.getByLabel("What happened?").fill("A call from abroad asking for the code we had just sent.");
  await page.getByLabel("The phone number, or who it was from").fill("+33 6 12 34 56 78");
  const foreign = await sendReport(page);
  await page.goto("/report");
  await fillReport(page, { contact: "12" });
  const invalid = await sendReport(page);

  // The honeypot: a field people never see.
  await page.goto("/report");
  await fillReport(page, {});
  await page.locator("#website").fill("http://spam.example", { force: true });
  await waitMinimumFillTime(page);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByTestId("form-status")).toContainText("Leave this field empty");
  expect(serverErrors).toEqual([]);
  await context.close();

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, DEMO_STAFF.agent);
  await staffPage.goto(`/console/scam-reports/${foreign}`);
  await expect(staffPage.getByTestId("report-facts")).toContainText("+33 6 12 34 56 78");
  await staffPage.goto(`/console/scam-reports?${new URLSearchParams({ q: "0033612345678", status: "all" })}`);
  await expect(staffPage.getByTestId("scam-queue").locator(`tr[data-reference="${foreign}"]`)).toBeVisible();
  await staffPage.goto(`/console/scam-reports/${invalid}`);
  await expect(staffPage.getByTestId("report-facts")).toContainText(
    "Not a valid phone number, so it is kept exactly as given",
  );
  // The console streams its loading shell first, so an unknown report is a "Not found" page (status
  // 200 once streaming has begun); what matters is a clear page and no server error.
  const bad = await staffPage.goto("/console/scam-reports/SR-NOPE");
  expect(bad?.status()).toBeLessThan(500);
  await expect(staffPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await staffPage.goto("/console/scam-reports?status=LOST&assignee=someone");
  await expect(staffPage.getByText("Some filters are not valid")).toBeVisible();
  await staff.close();
});

test("without JavaScript: a crafted 1 MB story and a 20,000-character one both get clear messages", async ({
  browser,
}) => {
  const context = await publicContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  const serverErrors = watchForServerErrors(page);
  let story = "";
  // Rewrites the story in the form post, as a script could (the field's maxlength stops a browser).
  await page.route("**/report", async (route) => {
    const request = route.request();
    const body = request.postDataBuffer();
    if (request.method() !== "POST" || !body) return route.continue();
    return route.continue({ postData: Buffer.from(body.toString("utf8").replace("STORY-MARKER", story)) });
  });

  story = "a".repeat(1_048_576);
  await page.goto("/report");
  await fillReport(page, { story: "STORY-MARKER and more words" });
  await waitMinimumFillTime(page);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page).toHaveURL(/\/report\?problem=too-large/);
  await expect(page.getByText("Your report was too long to send")).toBeVisible();

  story = "b".repeat(20_000);
  await page.goto("/report");
  await fillReport(page, { story: "STORY-MARKER" });
  await waitMinimumFillTime(page);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Your story is 20,000 characters long");
  // The rest of what was typed is still there.
  await expect(page.getByLabel("The phone number, or who it was from")).toHaveValue("");
  await expect(page.getByLabel("Phone call", { exact: true })).toBeChecked();
  expect(serverErrors).toEqual([]);
  await context.close();
});

test("a flood from one client is stopped with a clear message; other clients can still report", async ({
  browser,
}) => {
  const flooder = await publicContext(browser, { javaScriptEnabled: true });
  const page = await flooder.newPage();
  const serverErrors = watchForServerErrors(page);
  await page.goto("/report");
  const status = page.getByTestId("form-status");
  const send = page.getByRole("button", { name: "Send report" });
  for (let attempt = 0; attempt < 21; attempt++) {
    await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === "POST" && new URL(response.url()).pathname === "/report",
      ),
      send.click(),
    ]);
    await expect(send).toBeEnabled();
  }
  await expect(status).toContainText("paused it for your connection");
  expect(serverErrors).toEqual([]);
  await flooder.close();

  const someoneElse = await publicContext(browser, { javaScriptEnabled: true });
  const other = await someoneElse.newPage();
  await other.goto("/report");
  await fillReport(other, {});
  await sendReport(other);
  await someoneElse.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations on the report form, its errors and the confirmation (${colorScheme} mode)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      colorScheme,
      extraHTTPHeaders: {
        "x-forwarded-for": `198.19.${process.pid % 250}.${colorScheme === "light" ? 1 : 2}`,
      },
    });
    const page = await context.newPage();
    await page.goto("/report");
    await expect(page.locator("main h1")).toBeVisible();
    await expectNoAxeViolations(page);
    await waitMinimumFillTime(page);
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
    await fillReport(page, {
      shared: "Yes",
      asks: ["Your password", "Gift cards or vouchers"],
      moneyLost: "120",
    });
    await sendReport(page);
    await expect(page.locator('[data-step="bank"]')).toBeVisible();
    await expectNoAxeViolations(page);
    await context.close();
  });
}
