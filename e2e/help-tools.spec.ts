import { uniqueClientIp } from "./support/help";
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

test("the message checker hands its findings to the report form, filled in", async ({ page }) => {
  await page.goto("/help/check-a-message");
  await page
    .getByLabel("Paste the text or email here")
    .fill("Northwind: unusual sign-in. Call 0800 123 4567 now and read us the code we sent to stop it.");
  await page.getByRole("button", { name: "Check message" }).click();
  await expect(page.getByRole("heading", { name: "This looks like a scam" })).toBeVisible();
  await page.getByRole("link", { name: "Report this message to us" }).click();
  await expect(page).toHaveURL(/\/report\?from=checker/);
  await expect(page.getByText("We filled in what the message checker found")).toBeVisible();
  await expect(page.getByLabel("Text message", { exact: true })).toBeChecked();
  await expect(page.getByLabel("The phone number, or who it was from")).toHaveValue("0800 123 4567");
  await expect(page.getByLabel(/^A one-time code/)).toBeChecked();
  await expect(page.getByLabel("What happened?")).toHaveValue(/Call 0800 123 4567 now and read us the code/);
});

test("a report link with junk in it opens a normal, empty report form", async ({ page }) => {
  const response = await page.goto(
    `/report?from=checker&channel=<b>x</b>&asks=NOPE&asks=PASSWORD&contact=${"9".repeat(500)}&story=%00`,
  );
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("Your password")).toBeChecked();
  await expect(page.getByLabel("The phone number, or who it was from")).toHaveValue("9".repeat(50));
  await expect(page.getByLabel("Phone call", { exact: true })).not.toBeChecked();
});

test.describe("from a fresh address", () => {
  // The public form limits reports per address; other specs send many from this machine's.
  test.use({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });

  test("a failed report submit moves focus to the error summary at the top", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 700 });
    await page.goto("/report");
    // The form refuses submissions quicker than a person could make them.
    await page.waitForTimeout(3_200);
    await page.getByRole("button", { name: "Send report" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await expect(summary).toContainText("Choose how they contacted you.");
  });
});

test("every troubleshooter fix ends with “still not working?” and a way to a person", async ({ page }) => {
  await page.goto("/help/troubleshooter/fix-clock-drift");
  const still = page.getByRole("region", { name: "Still not working?" });
  await expect(still.getByRole("link", { name: "Pick a different answer" })).toBeVisible();
  await expect(still.getByRole("link", { name: "+44 20 7946 0321" })).toHaveAttribute(
    "href",
    "tel:+442079460321",
  );
  await still.getByRole("link", { name: "See every fix on one page" }).click();
  await expect(page).toHaveURL(/\/help\/my-code-is-not-working$/);
});

test("customer-facing pages carry the brand's name in their titles", async ({ page }) => {
  for (const path of [
    "/",
    "/search?q=code",
    "/help/backup-codes",
    "/help/troubleshooter",
    "/report",
    "/help/nope",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(/Northwind Market Help/);
    await expect(page, path).not.toHaveTitle(/Account Security Desk/);
  }
});

test("the home search placeholder fits at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/");
  const input = page.getByRole("combobox", { name: "Search help articles" });
  const fits = await input.evaluate((element: HTMLInputElement) => {
    const style = getComputedStyle(element);
    const canvas = document.createElement("canvas").getContext("2d");
    if (!canvas) return false;
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return canvas.measureText(element.placeholder).width <= room;
  });
  expect(fits).toBe(true);
});

test.describe("on a 390 px phone", () => {
  test.use({
    viewport: { width: 390, height: 844 },
    extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() },
  });

  test("a checked message becomes a sent report, and the reference stays on one line", async ({ page }) => {
    await page.goto("/help/check-a-message");
    await page
      .getByLabel("Paste the text or email here")
      .fill("Your parcel is held. Pay the fee at https://parcel-fee.example.net and reply with the code.");
    await page.getByRole("button", { name: "Check message" }).click();
    await page.getByRole("link", { name: "Report this message to us" }).click();
    await expect(page.getByLabel("Text message", { exact: true })).toBeChecked();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Date and time").fill(`${yesterday}T12:00`);
    await page
      .getByRole("group", { name: /Did you give them anything/ })
      .getByLabel("No", { exact: true })
      .check();
    // The form refuses submissions quicker than a person could make them.
    await page.waitForTimeout(3_200);
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page).toHaveURL(/\/report\/sent\?ref=SR-/);
    const reference = page.getByTestId("report-reference");
    const box = await reference.boundingBox();
    const lineHeight = await reference.evaluate((element) =>
      parseFloat(getComputedStyle(element).lineHeight),
    );
    expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.5);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
