// Issue #8, headers and CSRF: what the production server sends and refuses, seen from outside.
import { randomUUID } from "node:crypto";
import { drainCspViolations, expect, test } from "./support/test";
import { withE2eDatabase } from "./support/db";
import { uniqueClientIp } from "./support/help";
import { signInOverHttp } from "./support/http-session";
import { DEMO_STAFF } from "../scripts/demo-data/stories";

const EVIL = "https://evil.example";

function directives(policy: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (policy ?? "").split(";")) {
    const [name = "", ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values.join(" "));
  }
  return map;
}

function expectSharedDirectives(policy: Map<string, string>) {
  expect(policy.get("object-src")).toBe("'none'");
  expect(policy.get("base-uri")).toBe("'none'");
  expect(policy.get("frame-ancestors")).toBe("'none'");
  expect(policy.get("form-action")).toBe("'self'");
  expect(policy.get("default-src")).toBe("'self'");
}

test.describe("security headers", () => {
  test("a help article is static, with a policy that needs no nonce, and every common header", async ({
    request,
  }) => {
    const response = await request.get("/help/backup-codes");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    // Still served from the build's static output.
    expect(headers["x-nextjs-cache"]).toBe("HIT");
    const policy = directives(headers["content-security-policy"]);
    // No inline script on the help center: its only script is a same-origin file (decision 009).
    expect(policy.get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]+=*'$/);
    expectSharedDirectives(policy);
    expect(headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
  });

  for (const path of [
    "/console/sign-in",
    "/report",
    "/invite/not-a-real-token",
    "/not-me/not-a-real-token",
    "/verify/not-a-real-token",
  ]) {
    test(`${path} gets a fresh nonce that every script on the page carries`, async ({ request }) => {
      const nonces: string[] = [];
      for (let i = 0; i < 2; i++) {
        const response = await request.get(path, { headers: { "x-forwarded-for": uniqueClientIp() } });
        expect(response.status()).toBeLessThan(500);
        const policy = directives(response.headers()["content-security-policy"]);
        const [nonceSource, ...rest] = (policy.get("script-src") ?? "").split(" ");
        expect(rest).toEqual(["'strict-dynamic'"]);
        const nonce = /^'nonce-([A-Za-z0-9+/=]{24})'$/.exec(nonceSource ?? "")?.[1];
        expect(nonce, "nonce in script-src").toBeTruthy();
        expectSharedDirectives(policy);
        const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length).toBeGreaterThan(0);
        for (const script of scripts.filter((tag) => !tag.includes('type="application/ld+json"'))) {
          expect(script).toContain(`nonce="${nonce}"`);
        }
        nonces.push(nonce ?? "");
      }
      expect(nonces[0]).not.toBe(nonces[1]);
    });
  }

  test("API answers carry the common headers and no page policy", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toBeUndefined();
  });

  test("the watcher used by every spec reports a violation when a page breaks its policy", async ({
    page,
  }) => {
    await page.route("**/csp-probe", (route) =>
      route.fulfill({
        contentType: "text/html",
        headers: { "Content-Security-Policy": "script-src 'none'" },
        body: "<!doctype html><title>probe</title><script>window.ran = true</script>",
      }),
    );
    await page.goto("/csp-probe");
    await expect
      .poll(() => drainCspViolations().map((violation) => violation.directive))
      .toEqual(["script-src-elem"]);
    expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
  });
});

test.describe("cross-site requests", () => {
  test("another site cannot post feedback; the desk's own pages can", async ({ request }) => {
    const marker = `cross-site-${randomUUID()}`;
    const form = { articleSlug: "backup-codes", helpful: "yes", comment: marker };
    const hostile: Record<string, string>[] = [
      { origin: EVIL },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of hostile) {
      const refused = await request.post("/api/feedback", {
        form,
        headers: { ...headers, "x-forwarded-for": uniqueClientIp() },
        maxRedirects: 0,
      });
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect(refused.headers()["content-type"]).toBe("application/problem+json");
    }
    const stored = () =>
      withE2eDatabase(
        async (db) =>
          (
            await db.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM article_feedback WHERE comment = $1",
              [marker],
            )
          ).rows[0]?.n ?? -1,
      );
    expect(await stored()).toBe(0);

    const own = await request.post("/api/feedback", {
      form,
      headers: { "sec-fetch-site": "same-origin", "x-forwarded-for": uniqueClientIp() },
      maxRedirects: 0,
    });
    expect(own.status()).toBe(303);
    expect(await stored()).toBe(1);
  });

  test("a server action posted from another site is refused with 403, not run", async ({ request }) => {
    const html = await (await request.get("/report")).text();
    const form: Record<string, string> = {};
    for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)" value="([^"]*)"/g)) {
      form[match[1] ?? ""] = (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
    }
    expect(Object.keys(form)).toContain("$ACTION_KEY");
    const response = await request.post("/report", {
      multipart: { ...form, story: "cross-site attempt" },
      headers: { origin: EVIL },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect((await response.json()) as { title: string }).toMatchObject({
      title: "Cross-site request refused",
    });
  });

  test("sign-in and exports refuse other sites before doing anything", async ({ request, baseURL }) => {
    const signIn = await request.post("/api/auth/callback/staff", {
      form: { email: "admin@desk.example", password: "x", code: "000000" },
      headers: { origin: EVIL },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(403);
    const anonymousExport = await request.get("/api/scam-reports/export?days=90", {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(anonymousExport.status()).toBe(403);

    // The real threat is a signed-in admin's browser following another site's link.
    const admin = await signInOverHttp(baseURL ?? "", DEMO_STAFF.admin);
    const exportsBefore = await countAuditActions("audit.exported");
    for (const path of ["/api/scam-reports/export?days=90", "/console/audit/export"]) {
      const crossSite = await fetch(`${baseURL}${path}`, {
        headers: { cookie: admin.header(), "sec-fetch-site": "cross-site" },
        redirect: "manual",
      });
      expect(crossSite.status, path).toBe(403);
      const own = await fetch(`${baseURL}${path}`, {
        headers: { cookie: admin.header(), "sec-fetch-site": "same-origin" },
        redirect: "manual",
      });
      expect(own.status, path).toBe(200);
      expect(own.headers.get("content-type")).toContain("text/csv");
      await own.arrayBuffer();
    }
    // Only the same-origin audit export was recorded.
    expect(await countAuditActions("audit.exported")).toBe(exportsBefore + 1);
  });
});

function countAuditActions(action: string): Promise<number> {
  return withE2eDatabase(
    async (db) =>
      (
        await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = $1", [
          action,
        ])
      ).rows[0]?.n ?? -1,
  );
}
