// The sign-in policy end to end: an administrator asks supervisors for a phishing-resistant sign-in;
// the supervisor, who has no passkey, signs in with a password once and is walked through adding
// one (nothing else of the console opens meanwhile), then signs in with it; from then on their
// password is refused. Chromium's virtual authenticator plays the passkey, at http://localhost
// (browsers refuse WebAuthn at an IP address; see e2e/passkeys.spec.ts).
import { expect, test, type Page } from "./support/test";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { withE2eDatabase } from "./support/db";
import { signIn } from "./support/staff";
import { totpCode, waitForNextStep } from "./support/totp";
import { addVirtualAuthenticator } from "./support/virtual-authenticator";

const supervisor = DEMO_STAFF.supervisor;

test.describe.configure({ timeout: 240_000 });

/** The password form, without the helper's "signed in" check: where it lands is what is tested. */
async function submitPassword(page: Page): Promise<void> {
  await page.goto("/console/sign-in");
  await page.getByLabel("Email").fill(supervisor.email);
  await page.getByLabel("Password").fill(supervisor.password);
  await page.getByLabel("Authenticator code").fill(await totpCode(supervisor.totpSecret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.afterAll(async () => {
  // The policy is the whole desk's, and the rest of the suite signs supervisors in with passwords.
  await withE2eDatabase(async (db) => {
    await db.query("DELETE FROM sign_in_policy");
    await db.query(
      "DELETE FROM staff_passkeys WHERE name = 'Policy key' AND staff_id = (SELECT id FROM staff_users WHERE email = $1)",
      [supervisor.email],
    );
  });
});

test("supervisors must use a passkey: walked through adding one, then their password is refused", async ({
  browser,
  baseURL,
  page: adminPage,
}) => {
  await test.step("an administrator asks supervisors for a passkey or single sign-on", async () => {
    await signIn(adminPage, DEMO_STAFF.admin, "/console/staff");
    const policy = adminPage.getByRole("region", { name: "Sign-in policy" });
    await policy.getByLabel("Supervisors").check();
    await policy.getByLabel("Reason").fill("Approvers sign in with phishing-resistant methods");
    await policy.getByRole("button", { name: "Save sign-in policy" }).click();
    await expect(policy.getByTestId("form-status")).toContainText("Sign-in policy saved.");
    await adminPage.reload();
    await expect(adminPage.getByTestId(`staff-${supervisor.email}`)).toContainText("needs a passkey");
  });

  const context = await browser.newContext({ baseURL: (baseURL ?? "").replace("127.0.0.1", "localhost") });
  const page = await context.newPage();
  await addVirtualAuthenticator(page);

  await test.step("the supervisor's password sign-in leads to the walk-through, and nowhere else", async () => {
    await submitPassword(page);
    await page.waitForURL("**/console/passkey-required");
    await expect(page.getByRole("heading", { level: 1, name: "Add a passkey to continue" })).toBeVisible();
    await page.goto("/console/customers");
    await page.waitForURL("**/console/passkey-required");
  });

  await test.step("add a passkey, then sign in with it", async () => {
    await page.getByLabel("Passkey name").fill("Policy key");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in with your passkey" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out and use my passkey" }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await page.goto("/console/sign-in");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL((url) => url.pathname === "/console");
    await expect(page.getByTestId("whoami")).toContainText(supervisor.email);
    // The rest of the console opens now.
    await page.goto("/console/customers");
    await expect(page).toHaveURL(/\/console\/customers$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  await test.step("the owner hears that a passkey was added", async () => {
    const notices = await withE2eDatabase(
      async (db) =>
        (
          await db.query<{ count: string }>(
            "SELECT count(*) FROM notifications WHERE destination = $1 AND template = 'staff-credential-changed'",
            [supervisor.email],
          )
        ).rows[0]?.count,
    );
    expect(Number(notices)).toBeGreaterThan(0);
  });

  await test.step("from now on the supervisor's password is refused, and the staff list says the policy is met", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/console\/sign-in/);
    // The code used above cannot be used twice: wait for the next one.
    await waitForNextStep();
    await submitPassword(page);
    await expect(page.getByTestId("sign-in-error")).toContainText("Your role signs in with a passkey");
    expect(new URL(page.url()).pathname).toBe("/console/sign-in");

    await adminPage.reload();
    await expect(adminPage.getByTestId(`staff-${supervisor.email}`)).toContainText("meets sign-in policy");
  });
  await context.close();
});
