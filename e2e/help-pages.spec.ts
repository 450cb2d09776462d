import { expect, test } from "./support/test";

test("an article has summary, contents, date, breadcrumbs, help paths, related articles and JSON-LD", async ({
  page,
}) => {
  await page.goto("/help/my-code-is-not-working");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Troubleshooting");
  await expect(page.getByText("Last updated")).toBeVisible();
  const toc = page.getByRole("navigation", { name: "On this page" });
  await toc.getByRole("link", { name: "Your authenticator app's clock is off" }).click();
  await expect(page).toHaveURL(/#your-authenticator-apps-clock-is-off$/);
  await expect(page.getByRole("link", { name: "Report a scam" }).last()).toHaveAttribute("href", "/report");
  await expect(page.getByRole("link", { name: "+44 20 7946 0321" }).first()).toHaveAttribute(
    "href",
    "tel:+442079460321",
  );
  await expect(page.getByRole("heading", { name: "Related articles" })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    /\/help\/my-code-is-not-working$/,
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "My code isn't working");

  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  const types = (JSON.parse(jsonLd ?? "[]") as { "@type": string }[]).map((entry) => entry["@type"]);
  expect(types).toEqual(["Article", "BreadcrumbList", "FAQPage"]);
});

test("help pages send no framework JavaScript and no inline script; search loads on first use", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(new URL(response.url()).pathname);
  });
  for (const path of [
    "/",
    "/help/backup-codes",
    "/search?q=code",
    "/help/troubleshooter",
    "/help/check-a-message",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Only the help center's own script (decision 009): no React, no hydration data.
    expect(
      scripts.filter((url) => !url.startsWith("/help-assets/")),
      path,
    ).toEqual([]);
    const inline = await page.locator("script:not([src]):not([type='application/ld+json'])").count();
    expect(inline, path).toBe(0);
  }
  expect(scripts).toContain("/help-assets/help.js");

  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("/help/backup-codes");
  await page.waitForLoadState("networkidle");
  // The search index and library load only when the reader uses search.
  expect(requests.some((url) => url.includes("search-index"))).toBe(false);
  await page.getByRole("combobox", { name: "Search help articles" }).focus();
  await expect.poll(() => requests.some((url) => url.endsWith("/search-index.json"))).toBe(true);
});

test("the home page shows search first, the scam path, top tasks and categories", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "I think I’m being scammed" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Someone is on the phone with me now/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Top tasks" })).toBeVisible();
  for (const topic of [
    "Codes and sign-in",
    "Scams and fake calls",
    "Troubleshooting",
    "Two-step verification settings",
    "Delivery codes",
    "Account recovery",
  ]) {
    await expect(page.getByRole("link", { name: topic, exact: true }).first()).toBeVisible();
  }
});

test("the layout works at 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ["/", "/help/calls-from-a-fake-representative", "/help/check-a-message", "/search"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("sitemap, robots and every article respond", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /console");
  expect(robots).toContain("Disallow: /api");
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname);
  expect(urls).toContain("/help/backup-codes");
  for (const path of urls) expect((await request.get(path)).status(), path).toBe(200);
});
