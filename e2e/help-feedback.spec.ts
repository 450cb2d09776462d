import { expect, test } from "./support/test";
import { uniqueClientIp } from "./support/help";

const article = "/help/why-codes-expire";

test.describe("with JavaScript", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });

  test("a reader votes and comments inline", async ({ page }) => {
    await page.goto(article);
    const form = page.locator("form[action='/api/feedback']");
    await form.getByLabel("Yes").check();
    await form.getByLabel("How could we make this page better? (optional)").fill("  Very clear, thanks.  ");
    await form.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thank you" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${article}$`));
  });

  test("an over-long comment gets a field message and can be fixed", async ({ page }) => {
    await page.goto(article);
    const form = page.locator("form[action='/api/feedback']");
    const comment = form.getByLabel("How could we make this page better? (optional)");
    await form.getByLabel("No").check();
    await comment.fill("a".repeat(1001));
    await expect(form.getByText("1,001 of 1,000 characters")).toBeVisible();
    await form.getByRole("button", { name: "Send feedback" }).click();
    await expect(form.getByText("Keep your comment to 1,000 characters or fewer.").first()).toBeVisible();
    await expect(comment).toHaveAttribute("aria-invalid", "true");
    await comment.fill("Shorter now.");
    await form.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thank you" })).toBeVisible();
  });

  test("forgetting yes/no is explained", async ({ page }) => {
    await page.goto(article);
    const form = page.locator("form[action='/api/feedback']");
    await form.getByRole("button", { name: "Send feedback" }).click();
    await expect(form.getByText("Choose Yes or No.").first()).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });

  test("a reader votes with a plain form post and sees thanks", async ({ page }) => {
    await page.goto(article);
    await page.getByLabel("No").check();
    await page
      .getByLabel("How could we make this page better? (optional)")
      .fill("<script>alert('x')</script> more steps please");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page).toHaveURL(/\/help\/feedback\?result=thanks&article=why-codes-expire$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanks for your feedback");
    await page.getByRole("link", { name: "Back to “Why codes expire, and how to get a new one”" }).click();
    await expect(page).toHaveURL(new RegExp(`${article}$`));
  });

  test("an over-long comment comes back with a message and the form", async ({ page }) => {
    await page.goto(article);
    await page.getByLabel("Yes").check();
    await page.getByLabel("How could we make this page better? (optional)").fill("b".repeat(1500));
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page).toHaveURL(/result=invalid/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your feedback wasn’t sent");
    await expect(page.getByText("Keep your comment to 1,000 characters or fewer.").first()).toBeVisible();
    await page.getByLabel("Yes").check();
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanks for your feedback");
  });
});

test("a flood of votes is rate limited with 429, and bad input never causes a 500", async ({ request }) => {
  const headers = { accept: "application/json", "x-forwarded-for": uniqueClientIp() };
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const response = await request.post("/api/feedback", {
      form: { articleSlug: "backup-codes", helpful: "yes" },
      headers,
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
  expect(statuses.slice(10)).toEqual([429, 429]);

  const other = { accept: "application/json", "x-forwarded-for": uniqueClientIp() };
  const garbage = await request.post("/api/feedback", {
    data: "%%%not a form",
    headers: { ...other, "content-type": "application/json" },
  });
  expect(garbage.status()).toBe(400);
  const unknown = await request.post("/api/feedback", {
    form: { articleSlug: "../../etc", helpful: "yes" },
    headers: other,
  });
  expect(unknown.status()).toBe(400);
  const huge = await request.post("/api/feedback", {
    form: { articleSlug: "backup-codes", helpful: "yes", comment: "x".repeat(50_000) },
    headers: other,
  });
  expect(huge.status()).toBe(413);
});
