// Property-based fuzzing of every console page's path and search parameters, signed in as an
// admin (who may open every page): hostile ids in the path, and hostile values for every search
// parameter the pages read. A page answers its content, a 404 or a redirect; never a 5xx. The pages
// are found from the file system, so a new page is fuzzed without being listed here.
import fc from "fast-check";
import { expect, test } from "./support/test";
import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { hostileString } from "../test/fuzz/hostile-input";
import { routeOf, walk } from "./support/app-inventory";
import { signInOverHttp, type CookieJar } from "./support/http-session";

const CASES_PER_PAGE = 25;

/** Values that broke console pages before (findings of the security review), always tried first. */
const SHARP_VALUES = [
  "9999999999999999999",
  "9223372036854775808",
  "-1",
  "2026-99-99",
  "0000-01-01",
  "275760-09-13",
  "%00",
  "\u0000",
  "a\u0000b",
  Buffer.from("2026-01-01T00:00:00.000Z|not-a-uuid").toString("base64url"),
  Buffer.from("zz\u0000-----------------------------------").toString("base64url"),
  Buffer.from("99999-01-01T00:00:00.000Z|99999999999999999999").toString("base64url"),
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "x".repeat(5_000),
];

/** Every search parameter a console page reads (a page ignores the others). */
const PARAMETERS = [
  "q",
  "after",
  "reason",
  "from",
  "to",
  "cursor",
  "before",
  "outcome",
  "ip",
  "country",
  "device",
  "purpose",
  "channel",
  "status",
  "type",
  "assignee",
  "mine",
  "page",
  "source",
  "days",
  "actor",
  "action",
  "target",
  "customer",
  "case",
  "scamReport",
  "recorded",
];

const pages = walk("app/console")
  .filter((file) => file.endsWith("/page.tsx"))
  .map((file) => routeOf(file, /\/page\.tsx$/))
  .filter((route) => route !== "/console/sign-in");

const value = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SHARP_VALUES) },
  { weight: 3, arbitrary: hostileString.map((text) => text.slice(0, 3_000)) },
);

/** A URL carries UTF-8: a lone surrogate (which it cannot encode) becomes U+FFFD, as browsers send it. */
const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** A concrete URL for a page: each [segment] gets a hostile value, plus hostile search parameters. */
const urlFor = (route: string) =>
  fc
    .record({
      segments: fc.array(value, { minLength: 4, maxLength: 4 }),
      query: fc.array(fc.tuple(fc.constantFrom(...PARAMETERS), value), { minLength: 1, maxLength: 4 }),
    })
    .map(({ segments, query }) => {
      let index = 0;
      const path = route
        .split("/")
        .map((segment) =>
          /^\[.+\]$/.test(segment) ? encodeURIComponent(wellFormed(segments[index++] ?? "x")) : segment,
        )
        .join("/");
      const search = new URLSearchParams(query.map(([name, text]) => [name, wellFormed(text)]));
      return `${path}?${search.toString()}`;
    });

test.describe.configure({ timeout: 600_000 });

test("every console page answers hostile path and search parameters without a server error", async ({
  baseURL,
}) => {
  const base = baseURL ?? "";
  expect(pages.length).toBeGreaterThan(15);
  const jar: CookieJar = await signInOverHttp(base, DEMO_STAFF.admin);
  const failures: string[] = [];
  for (const route of pages) {
    await fc
      .assert(
        fc.asyncProperty(urlFor(route), async (url) => {
          const response = await fetch(`${base}${url}`, {
            redirect: "manual",
            headers: { cookie: jar.header() },
          });
          await response.arrayBuffer();
          if (response.status >= 500) failures.push(`${response.status} ${url.slice(0, 300)}`);
          return response.status < 500;
        }),
        {
          numRuns: CASES_PER_PAGE,
          examples: SHARP_VALUES.map((sharp) => [
            `${route.replace(/\[[^\]]+\]/g, encodeURIComponent(sharp))}?${new URLSearchParams(PARAMETERS.map((name) => [name, wellFormed(sharp)]))}`,
          ]),
        },
      )
      .catch((error: unknown) => failures.push(String(error).slice(0, 500)));
  }
  expect(failures).toEqual([]);
});
