import { expect, test } from "./support/test";

test("a reader walks the troubleshooter to the clock-drift fix", async ({ page }) => {
  await page.goto("/help/troubleshooter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is going wrong with your code?");
  await page.getByRole("link", { name: "The screen says the code is wrong" }).click();
  await page.getByRole("link", { name: "I copied it with care from the newest message" }).click();
  await page.getByRole("link", { name: "An authenticator app" }).click();
  await page.getByRole("link", { name: "No, or I’m not sure" }).click();
  await expect(page).toHaveURL(/\/help\/troubleshooter\/fix-clock-drift$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Set your phone’s time to update automatically",
  );
  await page.getByRole("link", { name: "Authenticator app codes not working" }).click();
  await expect(page).toHaveURL(/\/help\/authenticator-app-codes-not-working#do-this-now$/);
  await expect(page.locator("#do-this-now")).toBeVisible();
});

test.describe("troubleshooter without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("works as linked questions", async ({ page }) => {
    await page.goto("/help/troubleshooter");
    await page.getByRole("link", { name: "The code never arrived" }).click();
    await page.getByRole("link", { name: "By text message" }).click();
    await page.getByRole("link", { name: "No, I changed my number" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Sign in another way and update your number",
    );
    await page.getByRole("link", { name: "Start over" }).click();
    await expect(page).toHaveURL(/\/help\/troubleshooter$/);
  });
});

test("checking a message with a fake link shows the flag, and nothing is sent", async ({ page }) => {
  await page.goto("/help/check-a-message");
  await expect(page.getByText("the check runs in your browser only")).toBeVisible();
  const sent: string[] = [];
  page.on("request", (request) => {
    const payload = `${request.url()} ${request.postData() ?? ""}`;
    if (request.method() !== "GET" || payload.includes("northwind-secure") || payload.includes("suspended"))
      sent.push(payload);
  });

  await page
    .getByLabel("Paste the text or email here")
    .fill(
      "Northwind Market: your account will be suspended today. Verify now at https://northwind-secure.com/login and reply with the code we sent.",
    );
  await page.getByRole("button", { name: "Check message" }).click();
  await expect(page.getByRole("heading", { name: "This looks like a scam" })).toBeVisible();
  const flag = page.locator('[data-flag="lookalike-link"]');
  await expect(flag).toContainText("A link or address pretends to be ours");
  await expect(flag).toContainText("northwind-secure.com");
  await expect(page.locator('[data-flag="asks-for-code"]')).toBeVisible();
  await expect(page.locator('[data-flag="urgency"]')).toBeVisible();
  expect(sent).toEqual([]);
});

test("a genuine code message shows no red flags", async ({ page }) => {
  await page.goto("/help/check-a-message");
  await page
    .getByLabel("Paste the text or email here")
    .fill("Northwind Market: 482913 is your sign-in code. It expires in 10 minutes. Never share it.");
  await page.getByRole("button", { name: "Check message" }).click();
  await expect(page.getByRole("heading", { name: "We found no red flags" })).toBeVisible();
});
