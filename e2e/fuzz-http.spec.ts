// Property-based fuzzing of every route handler over HTTP (issue #8): random methods, query strings,
// headers, content types and bodies, as an anonymous visitor and as a signed-in admin, against the
// production build. Never a 5xx; a JSON answer always parses. The handlers that take a body are
// fuzzed harder, without a server, in test/fuzz/route-handlers.fuzz.test.ts.
import { expect, test } from "./support/test";
import fc from "fast-check";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { hostileString } from "../test/fuzz/hostile-input";
import { discoverRouteHandlers } from "./support/app-inventory";
import { signInOverHttp, type CookieJar } from "./support/http-session";

const CASES_PER_URL = 15;

/** The URLs each route handler answers; a catch-all gets its known endpoints and a made-up one. */
const ROUTE_URLS: Record<string, string[]> = {
  "app/api/feedback/route.ts": ["/api/feedback"],
  "app/api/help/search-misses/route.ts": ["/api/help/search-misses"],
  "app/api/v1/events/route.ts": ["/api/v1/events"],
  "app/api/health/route.ts": ["/api/health"],
  "app/api/auth/[...nextauth]/route.ts": [
    "/api/auth/csrf",
    "/api/auth/session",
    "/api/auth/providers",
    "/api/auth/signin",
    "/api/auth/callback/staff",
    "/api/auth/callback/sso",
    "/api/auth/signout",
    "/api/auth/_log",
    "/api/auth/%3Cscript%3E/..%2F..%2Fetc",
  ],
  "app/api/scam-reports/export/route.ts": ["/api/scam-reports/export"],
  "app/console/(signed-in)/audit/export/route.ts": ["/console/audit/export"],
  "app/search-index.json/route.ts": ["/search-index.json"],
  "app/api/v1/actions/route.ts": ["/api/v1/actions", "/api/v1/actions?after=-1&limit=99999"],
  "app/.well-known/jwks.json/route.ts": ["/.well-known/jwks.json"],
  "app/.well-known/ssf-configuration/route.ts": ["/.well-known/ssf-configuration"],
  "app/console/(signed-in)/customers/[customerId]/account-actions/route.ts": [
    "/console/customers/not-a-uuid/account-actions",
    "/console/customers/00000000-0000-4000-8000-000000000000/account-actions",
  ],
  "app/console/(signed-in)/customers/[customerId]/caller-verification/route.ts": [
    "/console/customers/not-a-uuid/caller-verification",
    "/console/customers/00000000-0000-4000-8000-000000000000/caller-verification",
  ],
};

/** Node's default limit on a request's line and headers together (`--max-http-header-size`). */
const NODE_MAX_HEADER_BYTES = 16 * 1024;

/** Roughly how many bytes the request line and headers take on the wire. */
function requestHeadBytes(url: URL, headers: Record<string, string>): number {
  const line = Buffer.byteLength(`${url.pathname}${url.search}`) + 20;
  return Object.entries(headers).reduce(
    (total, [name, value]) => total + Buffer.byteLength(name) + Buffer.byteLength(value, "latin1") + 4,
    line,
  );
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

// What an HTTP client can put in a header value: tab, visible ASCII and Latin-1 (no other control characters).
const isHeaderChar = (char: string) =>
  char === "\t" ||
  (char >= " " && char !== "\u007f" && char.charCodeAt(0) <= 0xff && !(char >= "\u0080" && char < "\u00a0"));
const headerValue = hostileString.map((value) => [...value].filter(isHeaderChar).join("").slice(0, 300));

const queryParameters = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        "days",
        "actor",
        "action",
        "target",
        "from",
        "to",
        "before",
        "callbackUrl",
        "error",
        "csrf",
      ),
      hostileString,
    ),
    hostileString.map((value) => value.slice(0, 2_000)),
  ),
  { maxLength: 4 },
);

const hostileRequest = fc.record({
  method: fc.constantFrom(...METHODS),
  query: queryParameters,
  contentType: fc.oneof(
    fc.constantFrom(
      "application/json",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "text/plain",
    ),
    headerValue,
  ),
  accept: fc.oneof(fc.constantFrom("application/json", "text/html", "*/*", "text/x-component"), headerValue),
  body: fc.oneof(
    hostileString,
    fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
    fc.uint8Array({ maxLength: 1_000 }),
  ),
});

const SHARP_GET = {
  method: "GET" as const,
  query: [] as [string, string][],
  contentType: "text/plain",
  accept: "*/*",
  body: "",
};

test.describe.configure({ timeout: 300_000 });

test("every route handler is fuzzed over HTTP", () => {
  expect(new Set(Object.keys(ROUTE_URLS)), "ROUTE_URLS must list exactly the route handlers in app/").toEqual(
    new Set(discoverRouteHandlers()),
  );
});

test("no route handler answers hostile requests with a 5xx, signed in as an admin or not", async ({
  baseURL,
}) => {
  const base = baseURL ?? "";
  const admin = await signInOverHttp(base, DEMO_STAFF.admin);
  const visitors: [string, CookieJar | null][] = [
    ["anonymous", null],
    ["admin", admin],
  ];
  const failures: string[] = [];
  for (const path of Object.values(ROUTE_URLS).flat()) {
    for (const [visitor, jar] of visitors) {
      await fc.assert(
        fc.asyncProperty(hostileRequest, async ({ method, query, contentType, accept, body }) => {
          const url = new URL(path, base);
          for (const [name, value] of query) url.searchParams.append(name, value);
          const headers: Record<string, string> = {
            "content-type": contentType,
            accept,
            "x-forwarded-for": "198.51.100.9",
          };
          if (jar) headers.cookie = jar.header();
          const withBody = method !== "GET" && method !== "HEAD";
          const summary = `${method} ${url.pathname}${url.search.slice(0, 200)} as ${visitor}`;
          // The margin covers headers fetch adds itself (host, user-agent, content-length …).
          const oversizedHead = requestHeadBytes(url, headers) > NODE_MAX_HEADER_BYTES - 1_024;
          let response: Response;
          try {
            response = await fetch(url, {
              method,
              headers,
              body: withBody ? body : undefined,
              redirect: "manual",
            });
          } catch (error) {
            // Node answers a head over its limit with 431 and closes the socket at once, so a client
            // still writing a body sees the connection break. That is the server refusing, not failing.
            if (!oversizedHead) failures.push(`${summary}: the connection failed (${String(error)})`);
            return;
          }
          const text = await response.text();
          if (response.status >= 500) failures.push(`${summary}: HTTP ${response.status}`);
          else if ((response.headers.get("content-type") ?? "").includes("json") && method !== "HEAD") {
            try {
              JSON.parse(text);
            } catch {
              failures.push(`${summary}: a JSON content type with a body that is not JSON`);
            }
          }
        }),
        // Always tried: a plain GET, and a GET with a query string of 12 kB once percent-encoded.
        {
          numRuns: CASES_PER_URL,
          examples: [[SHARP_GET], [{ ...SHARP_GET, query: [["q", "é".repeat(2_000)]] }]],
        },
      );
    }
  }
  expect(failures).toEqual([]);
  // Hostile requests to the sign-out endpoints (without the CSRF token) must not have ended the admin's session.
  const consolePage = await fetch(`${base}/console`, {
    headers: { cookie: admin.header() },
    redirect: "manual",
  });
  expect(consolePage.status).toBe(200);
});
