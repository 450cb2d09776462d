// Runs against its own server with an empty database (no demo data): the life of a new desk.
import { expect, test, type Browser, type Page } from "./support/test";
import { signIn, type Credentials } from "./support/staff";
import { totpCode, waitForNextStep } from "./support/totp";

// TOTP codes are single-use per 30-second step, so journeys that sign in repeatedly wait for new steps.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const admin: Credentials = {
  email: "first.admin@desk.example",
  password: "first admin pass phrase",
  totpSecret: "",
};
const agent: Credentials = {
  email: "invited.agent@desk.example",
  password: "invited agent pass phrase",
  totpSecret: "",
};
let inviteLink = "";

async function enrol(page: Page, who: Credentials, name: string, askEmail: boolean): Promise<string[]> {
  if (askEmail) await page.getByLabel("Your work email").fill(who.email);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(who.password);
  await page.getByLabel("Type the password again").fill(who.password);
  who.totpSecret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(who.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await page.getByLabel("Code from the app").fill(await totpCode(who.totpSecret));
  await page.getByRole("button", { name: "Finish enrolment" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  return codes.allTextContents();
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("first-run setup creates the admin, who enrols TOTP and then signs in", async ({ page }) => {
  await page.goto("/console/sign-in");
  await expect(page).toHaveURL(/\/setup$/);
  const recoveryCodes = await enrol(page, admin, "First Admin", true);
  expect(new Set(recoveryCodes).size).toBe(10);
  await page.getByRole("link", { name: /I have saved them/ }).click();
  // The enrolment code used this time step: wait for the next one to sign in.
  await waitForNextStep();
  await signIn(page, admin);
  await expect(page.getByText("admin", { exact: true })).toBeVisible();
  // Setup is gone once an admin exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/console/);
});

test("the admin invites an agent, who completes the invitation and signs in", async ({ page, browser }) => {
  await signIn(page, admin, "/console/staff");
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(agent.email);
  await invite.getByLabel("Name").fill("Invited Agent");
  await invite.getByLabel("Reason", { exact: true }).fill("New starter on the fraud team");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  inviteLink = (await page.getByTestId("invite-link").textContent()) ?? "";
  expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

  const invitee = await newPage(browser);
  await invitee.goto(inviteLink);
  await enrol(invitee, agent, "Invited Agent", false);
  await waitForNextStep();
  await signIn(invitee, agent);
  await expect(invitee.getByTestId("whoami")).toContainText("Invited Agent");
  // Agents do not see staff administration, and are refused it when they try.
  await expect(invitee.getByRole("link", { name: "Staff" })).toHaveCount(0);
  const response = await invitee.goto("/console/staff");
  expect(response?.status()).toBe(403);

  // The invitation works once.
  const again = await newPage(browser);
  await again.goto(inviteLink);
  await expect(again.getByText(/already been used/)).toBeVisible();
});

test("a replayed code is refused", async ({ browser }) => {
  await waitForNextStep();
  const code = await totpCode(agent.totpSecret);
  const first = await newPage(browser);
  const second = await newPage(browser);
  for (const page of [first, second]) {
    await page.goto("/console/sign-in");
    await page.getByLabel("Email").fill(agent.email);
    await page.getByLabel("Password").fill(agent.password);
    await page.getByLabel("Authenticator code").fill(code);
  }
  await first.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(first).toHaveURL(/\/console$/);
  await second.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(second.getByTestId("sign-in-error")).toContainText("already been used");
});

test("deactivated staff are signed out on their next request", async ({ page, browser }) => {
  const agentPage = await newPage(browser);
  await signIn(agentPage, agent);
  await signIn(page, admin, "/console/staff");
  const row = page.getByTestId(`staff-${agent.email}`);
  await row.getByText("Manage Invited Agent").click();
  await row.getByLabel("Reason").nth(1).fill("Leaving the team today");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText(/deactivated and signed out everywhere/)).toBeVisible();

  await agentPage.goto("/console");
  await expect(agentPage).toHaveURL(/\/console\/sign-in\?reason=revoked/);
  await expect(agentPage.getByText(/Your session was ended/)).toBeVisible();

  await page.reload();
  const reactivate = page.getByTestId(`staff-${agent.email}`);
  await reactivate.getByText("Manage Invited Agent").click();
  await reactivate.getByLabel("Reason").nth(1).fill("Back on the team");
  await reactivate.getByRole("button", { name: "Reactivate" }).click();
  await expect(reactivate.getByText(/can sign in again/)).toBeVisible();
});

test("five wrong codes lock the account; the right code is refused while locked; the admin unlocks", async ({
  page,
  browser,
}) => {
  const agentPage = await newPage(browser);
  await agentPage.goto("/console/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await agentPage.getByLabel("Email").fill(agent.email);
    await agentPage.getByLabel("Password").fill(agent.password);
    await agentPage.getByLabel("Authenticator code").fill("000000");
    await agentPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(agentPage.getByTestId("sign-in-error")).toContainText(
      attempt === 5 ? /locked/ : /not right/,
    );
  }
  await agentPage.getByLabel("Authenticator code").fill(await totpCode(agent.totpSecret));
  await agentPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(agentPage.getByTestId("sign-in-error")).toContainText(/locked/);

  await signIn(page, admin, "/console/staff");
  const row = page.getByTestId(`staff-${agent.email}`);
  await expect(row.getByText("Locked", { exact: true })).toBeVisible();
  await row.getByText("Manage Invited Agent").click();
  await row.getByLabel("Reason").nth(2).fill("Verified on a video call");
  await row.getByRole("button", { name: "Unlock" }).click();
  await expect(row.getByText(/is unlocked/)).toBeVisible();
  await waitForNextStep();
  await signIn(agentPage, agent);
});
