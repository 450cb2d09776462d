// Single sign-on end to end against a real OpenID provider (oidc-provider, e2e/support/oidc-idp.ts)
// started here on loopback; the desk under test is configured for it (e2e/support/sso.ts).
// - an invited person signs in through it and gets the role their groups give;
// - step-up through the IdP (prompt=login) for someone with neither a passkey nor a code;
// - an administrator deactivating them ends the SSO session in the desk, and the IdP cannot bring it back;
// - refusals: no second factor at the IdP, an uninvited email, an unverified email, a forged ID token.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { customerIdOf, expireStepUp, withE2eDatabase } from "./support/db";
import { startTestIdp, type IdpAccount, type TestIdp } from "./support/oidc-idp";
import { IDP_CLIENT_ID, IDP_CLIENT_SECRET, IDP_NAME, IDP_PORT } from "./support/sso";
import { signIn } from "./support/staff";

test.describe.configure({ timeout: 180_000 });

const suffix = randomBytes(3).toString("hex");
const ACCOUNTS = {
  invited: {
    login: "sam",
    email: `sam.okafor.${suffix}@northwind.example`,
    emailVerified: true,
    name: "Sam Okafor",
    groups: ["desk-supervisors", "everyone"],
    amr: ["pwd", "mfa"],
  },
  noMfa: {
    login: "noel",
    email: `noel.${suffix}@northwind.example`,
    emailVerified: true,
    name: "Noel Single-Factor",
    groups: ["desk-agents"],
    amr: ["pwd"],
  },
  uninvited: {
    login: "uma",
    email: `uma.${suffix}@northwind.example`,
    emailVerified: true,
    name: "Uma Uninvited",
    groups: ["desk-agents"],
    amr: ["pwd", "mfa"],
  },
  unverified: {
    login: "val",
    email: `val.${suffix}@northwind.example`,
    emailVerified: false,
    name: "Val Unverified",
    groups: ["desk-agents"],
    amr: ["pwd", "mfa"],
  },
} satisfies Record<string, IdpAccount>;

let idp: TestIdp;

test.beforeAll(async ({ baseURL }) => {
  idp = await startTestIdp({
    port: IDP_PORT,
    clientId: IDP_CLIENT_ID,
    clientSecret: IDP_CLIENT_SECRET,
    redirectUris: [`${baseURL}/api/auth/callback/sso`],
    accounts: Object.values(ACCOUNTS),
  });
  // Invitations (as an administrator's "Invite someone" leaves them) for everyone but the uninvited.
  // Sam is invited as an agent: the IdP's groups make him a supervisor.
  await withE2eDatabase(async (db) => {
    for (const account of [ACCOUNTS.invited, ACCOUNTS.noMfa, ACCOUNTS.unverified]) {
      await db.query(
        `INSERT INTO staff_invites (email, name, role, token_hash, invited_by_id, expires_at)
         VALUES ($1, $2, 'AGENT', $3, (SELECT id FROM staff_users WHERE email = $4), now() + interval '1 day')`,
        [account.email, account.name, randomBytes(32).toString("hex"), DEMO_STAFF.admin.email],
      );
    }
  });
});

test.afterAll(async () => {
  await idp.close();
});

/** From the desk's sign-in page through the IdP's own page, back to wherever the desk sends them. */
async function signInThroughIdp(page: Page, login: string): Promise<void> {
  await page.goto("/console/sign-in");
  await page.getByRole("button", { name: `Sign in with ${IDP_NAME}` }).click();
  await expect(page.getByRole("heading", { name: "Company sign-in" })).toBeVisible();
  await page.getByLabel("Username").fill(login);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** A browser of its own: the IdP remembers who signed in, as a real one would. */
async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

function staffRow(email: string) {
  return withE2eDatabase(
    async (db) =>
      (
        await db.query<{
          id: string;
          role: string;
          sso_subject: string | null;
          password_hash: string | null;
        }>("SELECT id, role::text, sso_subject, password_hash FROM staff_users WHERE email = $1", [email])
      ).rows[0] ?? null,
  );
}

test("an invited supervisor signs in through the company IdP, steps up there, and deactivation ends the session", async ({
  browser,
  baseURL,
  page: adminPage,
}) => {
  const page = await freshPage(browser, baseURL);
  const sam = ACCOUNTS.invited;

  await test.step("sign in through the IdP: the role comes from the groups claim", async () => {
    await signInThroughIdp(page, sam.login);
    await page.waitForURL((url) => url.pathname === "/console");
    await expect(page.getByTestId("whoami")).toContainText(sam.email);
    await expect(page.getByRole("banner")).toContainText("supervisor");
    const row = await staffRow(sam.email);
    expect(row).toMatchObject({ role: "SUPERVISOR", password_hash: null });
    expect(row?.sso_subject).toMatch(/^http:\/\/127\.0\.0\.1:\d+ sam$/);
  });

  await test.step("step-up goes back to the IdP, which asks again (prompt=login)", async () => {
    await expireStepUp(sam.email);
    const olivia = await customerIdOf(STORY_CUSTOMERS.otpBombing.externalId);
    await page.goto(`/console/customers/${olivia}`);
    const reveal = page.locator("details", { has: page.locator("summary", { hasText: "Reveal phone" }) });
    await reveal.locator("summary").click();
    await reveal.getByLabel("Why do you need it?").fill("Ticket 5120: caller asked about code texts");
    await reveal.getByRole("button", { name: "Reveal phone" }).click();
    const prompt = page.getByRole("region", { name: "Confirm it's you" });
    // Sam has neither a passkey nor an authenticator app: the IdP is the only way offered.
    await expect(prompt.getByLabel("Authenticator code")).toHaveCount(0);
    await prompt.getByRole("button", { name: `Confirm with ${IDP_NAME}` }).click();
    // The IdP already has a session for Sam, yet it asks again.
    await expect(page.getByRole("heading", { name: "Company sign-in" })).toBeVisible();
    await page.getByLabel("Username").fill(sam.login);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === `/console/customers/${olivia}`);
    await reveal.locator("summary").click();
    await reveal.getByLabel("Why do you need it?").fill("Ticket 5120: caller asked about code texts");
    await reveal.getByRole("button", { name: "Reveal phone" }).click();
    await expect(page.getByTestId("revealed-phone")).toHaveText(STORY_CUSTOMERS.otpBombing.phone);
    // The fresh sign-on replaced the session it stepped up, rather than leaving it open.
    const sessions = await withE2eDatabase(
      async (db) =>
        (
          await db.query<{ open: string }>(
            `SELECT count(*) FILTER (WHERE revoked_at IS NULL) AS open FROM staff_sessions
             WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)`,
            [sam.email],
          )
        ).rows[0]?.open,
    );
    expect(Number(sessions)).toBe(1);
  });

  await test.step("an administrator deactivates Sam: the desk session ends, and the IdP cannot open another", async () => {
    await signIn(adminPage, DEMO_STAFF.admin, "/console/staff");
    const member = adminPage.getByTestId(`staff-${sam.email}`);
    await expect(member.getByTestId("sign-in-methods")).toHaveText("Signs in with: single sign-on");
    await member.getByText(`Manage ${sam.name}`).click();
    await member.getByLabel("Reason").nth(1).fill("Left the support team");
    await member.getByRole("button", { name: "Deactivate" }).click();
    await expect(member.getByText(/deactivated and signed out everywhere/)).toBeVisible();

    await page.goto("/console");
    await page.waitForURL(/\/console\/sign-in\?reason=revoked/);
    // Still signed in at the IdP, so this comes straight back: and is refused.
    await page.getByRole("button", { name: `Sign in with ${IDP_NAME}` }).click();
    await expect(page.getByTestId("sso-problem")).toContainText("deactivated");
  });
  await page.context().close();
});

test("the desk refuses a sign-on without a second factor, an uninvited or unverified email, and a forged ID token", async ({
  browser,
  baseURL,
}) => {
  const cases = [
    { account: ACCOUNTS.noMfa, problem: "did not use a second factor" },
    { account: ACCOUNTS.uninvited, problem: "no desk account for your company email" },
    { account: ACCOUNTS.unverified, problem: "email address is not verified" },
  ];
  for (const { account, problem } of cases) {
    const page = await freshPage(browser, baseURL);
    await signInThroughIdp(page, account.login);
    await page.waitForURL(/\/console\/sign-in\?sso=/);
    await expect(page.getByTestId("sso-problem")).toContainText(problem);
    await page.goto("/console");
    await page.waitForURL(/\/console\/sign-in/);
    await page.context().close();
  }
  // Nobody was created for the uninvited, and the invitations of the refused are still open.
  expect(await staffRow(ACCOUNTS.uninvited.email)).toBeNull();
  expect(await staffRow(ACCOUNTS.noMfa.email)).toBeNull();
  const refusals = await withE2eDatabase(async (db) =>
    (
      await db.query<{ reason: string }>(
        "SELECT data->>'reason' AS reason FROM audit_events WHERE action = 'staff.sign_in.refused_sso' AND data->>'email' = ANY($1)",
        [[ACCOUNTS.noMfa.email, ACCOUNTS.uninvited.email, ACCOUNTS.unverified.email]],
      )
    ).rows.map((row) => row.reason),
  );
  expect(refusals.toSorted()).toEqual(["no-mfa", "not-invited", "unverified-email"]);

  // A token whose signature does not match the IdP's published keys never reaches the desk's checks.
  idp.setForgedSignatures(true);
  try {
    const page = await freshPage(browser, baseURL);
    await signInThroughIdp(page, ACCOUNTS.noMfa.login);
    await page.waitForURL(/\/console\/sign-in\?.*\berror=/);
    await expect(page.getByTestId("sso-problem")).toContainText("Single sign-on did not complete");
    await page.goto("/console");
    await page.waitForURL(/\/console\/sign-in/);
    await page.context().close();
  } finally {
    idp.setForgedSignatures(false);
  }
});
