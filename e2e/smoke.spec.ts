import { expect, test } from "./support/test";

test("the health endpoint reports the app and its database as up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status: string; database: { status: string } };
  expect(body.status).toBe("ok");
  expect(body.database.status).toBe("up");
});
