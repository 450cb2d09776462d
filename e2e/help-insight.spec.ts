// The content team's console page: what readers thought of each article, their comments, and the
// searches that found nothing — with a reader's visit producing what the team then sees.
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { uniqueClientIp } from "./support/help";
import { signIn } from "./support/staff";
import { expect, test } from "./support/test";

test("a reader's empty search and comment reach the content team, who marks the comment handled", async ({
  browser,
  page,
}) => {
  // Letters only: the search-miss log masks digit runs as "[number]", and the assertions below need
  // the tag itself to survive that.
  const tag = `zq${Date.now()
    .toString(36)
    .replace(/\d/g, (digit) => "abcdefghij".charAt(Number(digit)))}`;
  const reader = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const readerPage = await reader.newPage();
  const beacon = readerPage.waitForRequest((request) => request.url().endsWith("/api/help/search-misses"));
  await readerPage.goto(`/search?q=${tag}%20parrot%20482913`);
  await expect(readerPage.getByRole("heading", { name: "Try one of these instead" })).toBeVisible();
  expect((await beacon).postData()).toContain(`${tag} parrot 482913`);

  const comment = `Please explain couriers ${tag}`;
  const sent = await readerPage.request.post("/api/feedback", {
    form: { articleSlug: "what-is-a-delivery-code", helpful: "no", comment },
    headers: { accept: "application/json" },
  });
  expect(sent.status()).toBe(200);
  await reader.close();

  await signIn(page, DEMO_STAFF.admin, "/console/help-center");
  await expect(page.getByRole("heading", { level: 1, name: "Help center" })).toBeVisible();
  const row = page.getByTestId("article-insight").locator('[data-article="what-is-a-delivery-code"]');
  await expect(row).toBeVisible();
  // The code the reader typed is masked before it is counted.
  await expect(page.getByTestId("search-misses")).toContainText(`${tag} parrot [number]`);
  await expect(page.getByTestId("search-misses")).not.toContainText("482913");

  const item = page.getByTestId("open-comments").getByRole("listitem").filter({ hasText: comment });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: "Mark handled" }).click();
  await expect(page.getByTestId("open-comments").getByText(comment)).toHaveCount(0);
});

test("an agent has no Help center page", async ({ page }) => {
  await signIn(page, DEMO_STAFF.agent);
  await expect(
    page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Help center" }),
  ).toHaveCount(0);
  const response = await page.goto("/console/help-center");
  expect(response?.status()).toBe(403);
});

test("the search beacon refuses junk and floods without a server error", async ({ request }) => {
  const headers = { "x-forwarded-for": uniqueClientIp(), "content-type": "text/plain" };
  for (const data of ["", "{", "[]", JSON.stringify({ query: "x", outcome: "nope" }), "x".repeat(10_000)]) {
    const response = await request.post("/api/help/search-misses", { data, headers });
    expect([400, 413], data.slice(0, 20)).toContain(response.status());
  }
  const gpc = await request.post("/api/help/search-misses", {
    data: JSON.stringify({ query: "private", outcome: "no-results" }),
    headers: { ...headers, "sec-gpc": "1" },
  });
  expect(gpc.status()).toBe(204);
});
