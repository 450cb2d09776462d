import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/help";

const pages = [
  { name: "home", path: "/" },
  { name: "category", path: "/help/category/scams-and-fake-calls" },
  { name: "article", path: "/help/calls-from-a-fake-representative" },
  { name: "article with FAQ", path: "/help/my-code-is-not-working" },
  { name: "search", path: "/search?q=code" },
  { name: "troubleshooter", path: "/help/troubleshooter" },
  { name: "troubleshooter fix", path: "/help/troubleshooter/fix-clock-drift" },
  { name: "checker", path: "/help/check-a-message" },
  { name: "404", path: "/help/no-such-page" },
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const { name, path } of pages) {
      test(`axe finds no violations on ${name}`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        if (name === "search") await expect(page.getByRole("list", { name: "Search results" })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }

    test("axe finds no violations with the search list open and a checked message", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("combobox", { name: "Search help articles" }).fill("code");
      await expect(page.getByRole("listbox")).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto("/help/check-a-message");
      await page
        .getByLabel("Paste the text or email here")
        .fill("Call 0800 123 4567 and read me the code. bit.ly/x");
      await page.getByRole("button", { name: "Check message" }).click();
      await expect(page.getByRole("heading", { name: "This looks like a scam" })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
