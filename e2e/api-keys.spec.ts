// API keys through the console, as an admin uses them: create a key (with its step-up), see it
// once, use it against the ingest API, revoke it and watch the API refuse it. The HTTP-level 403s
// for agents and supervisors (the page and both actions) are e2e/authorization-matrix.spec.ts's;
// here the console itself must not lead them there.
import { expect, test } from "./support/test";
import { API_KEY_PATTERN } from "../lib/api-keys/key-material";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { loginAttemptEvent, uniqueTag } from "../test/factories/events";
import { expireStepUp, withE2eDatabase } from "./support/db";
import { completeStepUp, signIn } from "./support/staff";

test.describe.configure({ mode: "serial", timeout: 240_000 });

const admin = DEMO_STAFF.admin;

async function keyRowsNamed(
  name: string,
): Promise<
  { prefix: string; secret_hash: string; scopes: string; revoked: boolean; created_by: string | null }[]
> {
  const { rows } = await withE2eDatabase((db) =>
    db.query<{
      prefix: string;
      secret_hash: string;
      scopes: string;
      revoked: boolean;
      created_by: string | null;
    }>(
      `SELECT k.prefix, k.secret_hash, k.scopes::text AS scopes, k.revoked_at IS NOT NULL AS revoked, s.email AS created_by
         FROM api_keys k LEFT JOIN staff_users s ON s.id = k.created_by_id WHERE k.name = $1`,
      [name],
    ),
  );
  return rows;
}

async function auditOf(
  action: string,
  name: string,
): Promise<{ actor_label: string; reason: string | null }[]> {
  const { rows } = await withE2eDatabase((db) =>
    db.query<{ actor_label: string; reason: string | null }>(
      "SELECT actor_label, reason FROM audit_events WHERE action = $1 AND data->>'name' = $2 ORDER BY seq",
      [action, name],
    ),
  );
  return rows;
}

test("an admin creates a key after a step-up, sees it exactly once, and the API accepts it until the admin revokes it", async ({
  page,
  request,
}) => {
  const name = `Identity system (e2e ${uniqueTag()})`;
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  await expireStepUp(admin.email);
  // The create form's own fields: listed keys (the demo identity system's) have revoke forms too.
  const create = page.getByRole("region", { name: "Create a key" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Reason").fill("Connect the identity system, change 4411");
  // events:write, what most keys are for, comes ticked; the other scopes do not.
  await expect(page.getByRole("checkbox", { name: /events:write/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /directory:write/ })).not.toBeChecked();
  await page.getByRole("button", { name: "Create key" }).click();
  // Without a fresh second factor nothing is created: the form asks for a code first.
  await expect(page.getByRole("region", { name: "Confirm it's you" })).toBeVisible();
  expect(await keyRowsNamed(name)).toEqual([]);
  await completeStepUp(page, admin);

  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(API_KEY_PATTERN);
  await expect(page.getByText("Store this key now: you will not see it again")).toBeVisible();
  const key = (await shown.textContent())?.trim() ?? "";
  const prefix = API_KEY_PATTERN.exec(key)?.[1] ?? "";
  const secret = API_KEY_PATTERN.exec(key)?.[2] ?? "";

  // The list: name, public prefix (never the secret), scope, who created it, not used yet.
  const listed = page.getByTestId(`api-key-${prefix}`);
  await expect(listed).toContainText(name);
  await expect(listed).toContainText(`asd_${prefix}_…`);
  await expect(listed).toContainText("events:write");
  await expect(listed).toContainText(`by ${admin.name}`);
  await expect(listed).toContainText("Active");
  await expect(listed).toContainText("Last used: never");
  await expect(listed).not.toContainText(secret);

  // Stored as prefix and hash only, created by the admin, audited with the reason.
  const [row] = await keyRowsNamed(name);
  expect(row).toMatchObject({ prefix, scopes: "{EVENTS_WRITE}", revoked: false, created_by: admin.email });
  expect(row?.secret_hash).not.toContain(secret);
  expect(await auditOf("api_key.created", name)).toEqual([
    { actor_label: admin.email, reason: "Connect the identity system, change 4411" },
  ]);

  // The key works, without any cookie.
  const accepted = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: JSON.stringify({ events: [loginAttemptEvent()] }),
  });
  expect(accepted.status()).toBe(200);

  // Shown once: after a reload it is nowhere on the page, not even in the HTML.
  await page.reload();
  await expect(listed).toContainText(name);
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(listed).not.toContainText("Last used: never");

  // Revoking asks for a reason and a fresh code, then the API refuses the key at once.
  await expireStepUp(admin.email);
  await listed.getByText(`Revoke ${name}`).click();
  await listed.getByLabel("Reason").fill("Rotated after the identity system moved, change 4412");
  await listed.getByRole("button", { name: "Revoke key" }).click();
  await completeStepUp(page, admin);
  await expect(listed).toContainText("Revoked");
  await expect(listed.getByRole("button", { name: "Revoke key" })).toHaveCount(0);

  const refused = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: JSON.stringify({ events: [loginAttemptEvent()] }),
  });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBe("invalid_api_key");
  expect(await auditOf("api_key.revoked", name)).toEqual([
    { actor_label: admin.email, reason: "Rotated after the identity system moved, change 4412" },
  ]);
});

test("bad input in the create form gets a message at each field and keeps everything typed", async ({
  page,
}) => {
  const name = `Billing system (e2e ${uniqueTag()})`;
  const reason = "Connect the billing system, change 5120";
  await signIn(page, admin, "/console/api-keys");
  const nameField = page.getByRole("region", { name: "Create a key" }).getByLabel("Name");
  const reasonField = page.getByRole("region", { name: "Create a key" }).getByLabel("Reason");
  const scope = page.getByRole("checkbox", { name: /events:write/ });

  // Nothing but spaces as the name, and no scope.
  await nameField.fill("   ");
  await reasonField.fill(reason);
  await scope.uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.locator("#api-key-name-error")).toHaveText(
    "Name the key after the system that will use it (at least 3 characters).",
  );
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(nameField).toHaveAttribute("aria-describedby", /api-key-name-error/);
  await expect(page.locator("#api-key-scopes-error")).toHaveText("Choose at least one scope.");
  await expect(page.getByRole("group", { name: "Scopes" })).toHaveAttribute(
    "aria-describedby",
    "api-key-scopes-error",
  );
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  // The reason was fine: no message there, and it is still as typed.
  await expect(page.locator("#api-key-reason-error")).toHaveCount(0);
  await expect(reasonField).toHaveValue(reason);
  await expect(nameField).toHaveValue("   ");
  await expect(scope).not.toBeChecked();

  // The field stops at 80 characters while typing; a client that does not (or a crafted
  // request) still meets the server's rule, with the same kind of message.
  await nameField.fill("n".repeat(100));
  await expect(nameField).toHaveValue("n".repeat(80));
  await nameField.evaluate((input) => input.removeAttribute("maxlength"));
  const tooLong = `${name} ${"x".repeat(80)}`;
  await nameField.fill(tooLong);
  await scope.check();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.locator("#api-key-name-error")).toHaveText("Key names can be at most 80 characters.");
  await expect(page.locator("#api-key-scopes-error")).toHaveCount(0);
  await expect(nameField).toHaveValue(tooLong);
  await expect(reasonField).toHaveValue(reason);
  await expect(scope).toBeChecked();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);

  // Corrected, the same form goes through with what was kept (the sign-in counts as the step-up).
  await nameField.fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(API_KEY_PATTERN);
  await expect(page.locator("#api-key-name-error")).toHaveCount(0);
  expect(await keyRowsNamed(name)).toEqual([
    expect.objectContaining({ scopes: "{EVENTS_WRITE}", created_by: admin.email }),
  ]);
  expect(await auditOf("api_key.created", name)).toEqual([{ actor_label: admin.email, reason }]);
  expect(await keyRowsNamed(tooLong)).toEqual([]);
});

test("agents and supervisors are not offered the API keys page, and reaching it shows no key or form", async ({
  page,
}) => {
  for (const staff of [DEMO_STAFF.agent, DEMO_STAFF.supervisor]) {
    await page.context().clearCookies();
    await signIn(page, staff);
    await expect(
      page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Customers" }),
    ).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API keys" }),
    ).toHaveCount(0);
    const response = await page.goto("/console/api-keys");
    expect(response?.status()).toBe(403);
    await expect(page.getByText("You do not have access")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    await expect(page.getByText(/asd_[a-z0-9]{8}_/)).toHaveCount(0);
  }
});
