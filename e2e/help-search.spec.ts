import { expect, test } from "./support/test";

test("a reader searches for a caller asking for a code and lands on the right article", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Search help articles" });
  await search.fill("someone called asking for my code");
  const list = page.getByRole("listbox", { name: "Suggested articles" });
  await expect(list).toBeVisible();
  const first = list.getByRole("option").first();
  await expect(first).toContainText("A caller says they're from us");
  await expect(first.locator("mark").first()).toBeVisible();

  await search.press("ArrowDown");
  await expect(search).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id")) ?? "");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/help\/calls-from-a-fake-representative$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "A caller says they're from us. Is it real?",
  );
});

test("the search page is shareable, highlights matches and tolerates typos", async ({ page }) => {
  await page.goto("/search?q=verifcation%20cod");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link").first()).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
  await expect(results).toContainText("What is a one-time passcode?");

  const input = page.getByRole("searchbox", { name: "What do you need help with?" });
  await expect(input).toHaveValue("verifcation cod");
  await input.fill("OTP");
  await input.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=OTP$/);
  // The arrow keys are the help script's: wait until it has run on the new page.
  await expect(page.locator("html[data-help-script=ready]")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "What do you need help with?" }).press("ArrowDown");
  await expect(results.getByRole("link").first()).toBeFocused();
});

test("search shows the best matches, not every article that shares a word", async ({ page }) => {
  await page.goto("/search?q=someone%20called%20asking%20for%20my%20code");
  const links = page.getByRole("list", { name: "Search results" }).getByRole("link");
  await expect(links.first()).toContainText("A caller says they're from us");
  const shown = await links.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(8);
  await expect(page.getByRole("status").filter({ hasText: "best match" })).toBeVisible();
});

test("a search with no results suggests top tasks", async ({ page }) => {
  await page.goto("/search?q=zzqxj");
  await expect(page.getByRole("status").filter({ hasText: "No articles match" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Try one of these instead" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My code isn't working" }).first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form goes to /search, which shows results rendered on the server", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search help articles" }).fill("lost my phone");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=lost\+my\+phone$/);
    const results = page.getByRole("list", { name: "Search results" });
    await expect(results.getByRole("link").first()).toContainText("Lost phone or new phone");
    await expect(results.locator("mark").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();
    await expect(
      page.getByRole("link", { name: "Backup codes: your way in if you lose your phone" }).first(),
    ).toBeVisible();
  });

  test("a search with no results suggests top tasks", async ({ page }) => {
    await page.goto("/search?q=zzqxj");
    await expect(page.getByRole("heading", { name: "Try one of these instead" })).toBeVisible();
  });
});

test("an unknown page is a 404 with search and top tasks", async ({ page }) => {
  const response = await page.goto("/help/this-page-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  await expect(page.getByRole("heading", { name: "Top tasks" })).toBeVisible();
  // A plain search form here: it opens the server-rendered results.
  await page.getByRole("searchbox", { name: "Search help articles" }).fill("lost phone");
  await page.getByRole("searchbox", { name: "Search help articles" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=lost\+phone$/);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link").first()).toContainText(
    "Lost phone or new phone",
  );
});
