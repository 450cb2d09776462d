// Every console page, API route and server action, called as every kind of visitor, against the
// expectations in docs/authorization-matrix.md. A route or action that is not in the document
// fails the test, so nothing new can be forgotten.
import { readFileSync } from "node:fs";
import { expect, test } from "./support/test";
import { DEMO_STAFF, STORY_CUSTOMERS } from "../scripts/demo-data/stories";
import { actionIds, discoverActions, routeOf, routePattern, walk } from "./support/app-inventory";
import { withE2eDatabase } from "./support/db";
import { callServerAction, signInOverHttp, type CookieJar } from "./support/http-session";

type Persona = "Anonymous" | "Agent" | "Supervisor" | "Admin" | "Deactivated";
const PERSONAS: Persona[] = ["Anonymous", "Agent", "Supervisor", "Admin", "Deactivated"];
type Outcome = "allow" | "sign-in" | "403" | "public";
type Row = { kind: "page" | "api" | "action"; target: string; expected: Record<Persona, Outcome> };

function readMatrix(): Row[] {
  const lines = readFileSync("docs/authorization-matrix.md", "utf8")
    .split("\n")
    .filter((line) => /^\|\s*(page|api|action)\s*\|/.test(line));
  return lines.map((line) => {
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    const [kind, target, ...outcomes] = cells;
    const expected = Object.fromEntries(
      PERSONAS.map((persona, index) => [persona, outcomes[index] as Outcome]),
    ) as Record<Persona, Outcome>;
    return { kind: kind as Row["kind"], target: target ?? "", expected };
  });
}

test.describe.configure({ timeout: 240_000 });

test("the authorization matrix documents every console page, API route and server action", () => {
  const rows = readMatrix();
  const pages = walk("app/console")
    .filter((file) => file.endsWith("page.tsx"))
    .map((file) => routeOf(file, /\/page\.tsx$/));
  const apis = walk("app")
    .filter((file) => /\/route\.ts$/.test(file))
    .map((file) => routeOf(file, /\/route\.ts$/));
  const documented = (kind: Row["kind"]) => rows.filter((row) => row.kind === kind).map((row) => row.target);

  for (const page of pages.filter((route) => route !== "/console/sign-in")) {
    expect(
      documented("page").some((target) => routePattern(page).test(target)),
      `page ${page} is not in docs/authorization-matrix.md`,
    ).toBe(true);
  }
  for (const api of apis) {
    expect(
      documented("api").some((target) => routePattern(api).test(target.split(" ")[1] ?? "")),
      `API route ${api} is not in the matrix`,
    ).toBe(true);
  }
  const actions = discoverActions();
  expect(
    new Set(documented("action")),
    "server actions in the matrix must be exactly those in the code",
  ).toEqual(new Set(actions));
  const ids = actionIds();
  for (const action of actions)
    expect(ids.has(action), `${action} is not in the build's action manifest`).toBe(true);
});

test("every entry behaves as documented for anonymous, agent, supervisor, admin and deactivated staff", async ({
  baseURL,
}) => {
  const base = baseURL ?? "";
  const placeholders = await withE2eDatabase(async (db) => {
    const customer = await db.query<{ id: string }>("SELECT id FROM customers WHERE external_id = $1", [
      STORY_CUSTOMERS.otpBombing.externalId,
    ]);
    const customerId = customer.rows[0]?.id ?? "";
    const attempt = await db.query<{ id: string }>(
      "SELECT id::text FROM login_attempts WHERE customer_id = $1 LIMIT 1",
      [customerId],
    );
    const kase = await db.query<{ id: string }>("SELECT id FROM cases ORDER BY number LIMIT 1");
    return {
      ":customer": customerId,
      ":attempt": attempt.rows[0]?.id ?? "",
      ":case": kase.rows[0]?.id ?? "",
    };
  });
  const rows = readMatrix().map((row) => ({
    ...row,
    target:
      row.kind === "action"
        ? row.target
        : row.target.replace(
            /:customer|:attempt|:case/g,
            (name) => placeholders[name as keyof typeof placeholders],
          ),
  }));
  const ids = actionIds();

  // Two sessions per role: the second survives the actions that end the first.
  const sessions: Record<Persona, [CookieJar | null, CookieJar | null]> = {
    Anonymous: [null, null],
    Agent: [await signInOverHttp(base, DEMO_STAFF.agent), await signInOverHttp(base, DEMO_STAFF.agent, 1)],
    Supervisor: [
      await signInOverHttp(base, DEMO_STAFF.supervisor),
      await signInOverHttp(base, DEMO_STAFF.supervisor, 1),
    ],
    Admin: [await signInOverHttp(base, DEMO_STAFF.admin), await signInOverHttp(base, DEMO_STAFF.admin, 1)],
    Deactivated: [await signInOverHttp(base, DEMO_STAFF.agent2), null],
  };
  sessions.Deactivated[1] = sessions.Deactivated[0];
  await withE2eDatabase((db) =>
    db.query("UPDATE staff_users SET deactivated_at = now() WHERE email = $1", [DEMO_STAFF.agent2.email]),
  );

  // Actions that end the caller's session run last, each with its own session.
  const sessionEnding = ["#signOutEverywhereAction"];
  const order = (row: Row) => sessionEnding.findIndex((suffix) => row.target.endsWith(suffix));
  const ordered = [...rows].sort((a, b) => order(a) - order(b));

  const failures: string[] = [];
  try {
    for (const row of ordered) {
      for (const persona of PERSONAS) {
        const endsSessions = row.target.endsWith("#signOutEverywhereAction");
        // A session of its own, signed in just before: what it ends is then only its own doing.
        const fresh = endsSessions ? STAFF_CREDENTIALS[persona] : undefined;
        const jar = fresh ? await signInOverHttp(base, fresh, 1) : sessions[persona][endsSessions ? 1 : 0];
        const outcome = await probe(base, row, jar, ids);
        const expected = row.expected[persona];
        const ok =
          outcome.status < 500 &&
          (expected === "public" ? outcome.kind === "allow" : outcome.kind === expected);
        if (!ok)
          failures.push(
            `${row.kind} ${row.target} as ${persona}: expected ${expected}, got ${outcome.kind} (HTTP ${outcome.status})`,
          );
      }
    }
  } finally {
    await withE2eDatabase((db) =>
      db.query("UPDATE staff_users SET deactivated_at = NULL WHERE email = $1", [DEMO_STAFF.agent2.email]),
    );
  }
  expect(failures).toEqual([]);
});

type Probe = { kind: Exclude<Outcome, "public">; status: number };

const STAFF_CREDENTIALS: Partial<Record<Persona, (typeof DEMO_STAFF)["agent"]>> = {
  Agent: DEMO_STAFF.agent,
  Supervisor: DEMO_STAFF.supervisor,
  Admin: DEMO_STAFF.admin,
};

async function probe(
  base: string,
  row: Row,
  jar: CookieJar | null,
  ids: Map<string, { id: string; pagePath: string }>,
): Promise<Probe> {
  const cookie: Record<string, string> = jar ? { cookie: jar.header() } : {};
  if (row.kind === "action") {
    const action = ids.get(row.target);
    if (!action) throw new Error(`no action id for ${row.target}`);
    const response = await callServerAction(base, action.pagePath, action.id, jar);
    // Success of "sign out everywhere" is itself a trip to sign-in, marked with its own reason.
    if (response.location?.includes("reason=signed-out-everywhere"))
      return { kind: "allow", status: response.status };
    if (response.location?.includes("/console/sign-in")) return { kind: "sign-in", status: response.status };
    if (response.status === 403) return { kind: "403", status: 403 };
    return { kind: "allow", status: response.status };
  }
  const [method, urlPath] =
    row.kind === "api" ? (row.target.split(" ") as [string, string]) : ["GET", row.target];
  const response = await fetch(`${base}${urlPath}`, { method, redirect: "manual", headers: cookie });
  const location = response.headers.get("location") ?? "";
  if (
    response.status === 401 ||
    (response.status >= 300 && response.status < 400 && location.includes("/console/sign-in"))
  ) {
    return { kind: "sign-in", status: response.status };
  }
  if (response.status === 403) return { kind: "403", status: 403 };
  return { kind: "allow", status: response.status };
}
