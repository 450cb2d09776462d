// Staff passkeys end to end, with Chromium's virtual authenticator (CDP WebAuthn domain): enrol one
// on the account page, sign out, sign in with it alone, refuse an answer made for another origin,
// and remove it, which needs a step-up that the passkey itself answers.
//
// Browsers refuse WebAuthn at an IP address, and the server names its relying party "localhost"
// when APP_URL is a loopback address (lib/auth/passkey-relying-party.ts), so this spec browses the
// same server as http://localhost:<port>.
import { expect, test } from "./support/test";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { SoftwareAuthenticator } from "../test/support/software-authenticator";
import { actionIds } from "./support/app-inventory";
import { withE2eDatabase } from "./support/db";
import { callServerAction, CookieJar } from "./support/http-session";
import { signIn } from "./support/staff";
import { addVirtualAuthenticator, storedCredentials } from "./support/virtual-authenticator";

const staff = DEMO_STAFF.supervisor;

test.describe.configure({ timeout: 180_000 });

function auditCount(action: string, factor?: string): Promise<number> {
  return withE2eDatabase(async (db) => {
    const rows = await db.query<{ count: string }>(
      `SELECT count(*) FROM audit_events
       WHERE action = $1 AND (SELECT id::text FROM staff_users WHERE email = $2) IN (target_id, actor_id)
         AND ($3::text IS NULL OR data->>'factor' = $3)`,
      [action, staff.email, factor ?? null],
    );
    return Number(rows.rows[0]?.count ?? 0);
  });
}

function sessionCount(): Promise<number> {
  return withE2eDatabase(async (db) => {
    const rows = await db.query<{ count: string }>(
      "SELECT count(*) FROM staff_sessions WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)",
      [staff.email],
    );
    return Number(rows.rows[0]?.count ?? 0);
  });
}

/** A sign-in challenge from the server, as the sign-in page's action hands it out. */
async function signInChallenge(base: string): Promise<string> {
  const action = actionIds().get("app/console/sign-in/actions.ts#startPasskeySignInAction");
  if (!action) throw new Error("no passkey sign-in action in the build");
  const answer = await callServerAction(base, action.pagePath, action.id, null);
  const challenge = /"challenge":"([A-Za-z0-9_-]+)"/.exec(answer.body)?.[1];
  if (!challenge) throw new Error(`no challenge in the answer (HTTP ${answer.status})`);
  return challenge;
}

/** Posts a passkey answer to next-auth's passkey provider; the error it redirects with, or null. */
async function postPasskeySignIn(base: string, response: unknown): Promise<string | null> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${base}/api/auth/callback/passkey`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, response: JSON.stringify(response), json: "true" }),
  });
  const { url } = (await answer.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  return error;
}

test("a passkey: enrol, sign in with it alone, refuse another origin, step up with it to remove it", async ({
  browser,
  baseURL,
  page: adminPage,
}) => {
  const local = (baseURL ?? "").replace("127.0.0.1", "localhost");
  const context = await browser.newContext({ baseURL: local });
  const page = await context.newPage();
  const authenticator = await addVirtualAuthenticator(page);

  await test.step("enrol a passkey on the account page (signed in with password and code)", async () => {
    await signIn(page, staff, "/console/account");
    await page.getByLabel("Passkey name").fill("Virtual key");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByTestId("form-status").getByText("Passkey “Virtual key” added")).toBeVisible();
    const table = page.getByRole("table", { name: "Your passkeys" });
    await expect(table.getByRole("row", { name: /Virtual key/ })).toContainText("Never");
    expect(await auditCount("staff.passkey.enrolled")).toBe(1);
  });

  await test.step("the staff list shows the member's sign-in methods", async () => {
    await signIn(adminPage, DEMO_STAFF.admin, "/console/staff");
    await expect(adminPage.getByTestId(`staff-${staff.email}`).getByTestId("sign-in-methods")).toHaveText(
      "Signs in with: password + code, 1 passkey",
    );
  });

  await test.step("sign out, then sign in with the passkey alone", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await page.goto("/console/sign-in");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/console/sign-in"));
    await expect(page.getByTestId("whoami")).toContainText(staff.email);
    expect(await auditCount("staff.sign_in.succeeded", "passkey")).toBe(1);
    await page.goto("/console/account");
    await expect(
      page.getByRole("table", { name: "Your passkeys" }).getByRole("row", { name: /Virtual key/ }),
    ).not.toContainText("Never");
  });

  await test.step("an answer made for another origin, with the very same key, is refused", async () => {
    const [credential] = await storedCredentials(authenticator);
    if (!credential) throw new Error("the virtual authenticator holds no credential");
    const copy = SoftwareAuthenticator.fromPkcs8(
      credential.privateKey,
      credential.credentialId,
      credential.signCount + 1,
    );
    const sessionsBefore = await sessionCount();
    for (const ceremony of [
      { origin: "https://desk.example.evil", rpId: "localhost" },
      { origin: new URL(local).origin, rpId: "desk.example.evil" },
    ]) {
      const challenge = await signInChallenge(local);
      const error = await postPasskeySignIn(local, copy.assert({ challenge, ...ceremony }));
      expect(error).toMatch(/made for another site/);
    }
    expect(await sessionCount()).toBe(sessionsBefore);
  });

  await test.step("removing the passkey needs a step-up, which the passkey answers", async () => {
    await withE2eDatabase((db) =>
      db.query(
        "UPDATE staff_sessions SET step_up_at = NULL WHERE staff_id = (SELECT id FROM staff_users WHERE email = $1)",
        [staff.email],
      ),
    );
    await page.goto("/console/account");
    await page.getByRole("button", { name: "Remove Virtual key" }).click();
    const prompt = page.getByRole("region", { name: "Confirm it's you" });
    await expect(prompt).toBeVisible();
    expect(await auditCount("staff.passkey.removed")).toBe(0);
    // The passkey is offered first; the code field stays for those who prefer it.
    await expect(prompt.getByLabel("Authenticator code")).toBeVisible();
    await prompt.getByRole("button", { name: "Use your passkey" }).click();
    // The list is rendered again without it (its row, and the row's form, are gone).
    await expect(page.getByText("No passkeys yet.")).toBeVisible();
    expect(await auditCount("staff.step_up.succeeded", "passkey")).toBe(1);
    expect(await auditCount("staff.passkey.removed")).toBe(1);
    await page.reload();
    await expect(page.getByText("No passkeys yet.")).toBeVisible();
  });

  await context.close();
});
