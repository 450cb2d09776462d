import { DEMO_STAFF } from "../scripts/demo-data/stories";
import { actionIds } from "./support/app-inventory";
import { callServerAction, signInOverHttp } from "./support/http-session";
const base = "http://127.0.0.1:3600";
const j0 = await signInOverHttp(base, DEMO_STAFF.admin, 0);
const j1 = await signInOverHttp(base, DEMO_STAFF.admin, 1);
const ids = actionIds();
for (const [name, a] of ids) {
  if (name.endsWith("#signOutEverywhereAction")) continue;
  const r = await callServerAction(base, a.pagePath.replace(/\/x(\/|$)/g, "/00000000-0000-4000-8000-000000000000$1"), a.id, j0);
  const chk = await callServerAction(base, ids.get("app/console/session-actions.ts#signOutEverywhereAction")!.pagePath, "nonexistent", j1).catch(() => null);
  const s = await fetch(`${base}/console/account`, { headers: { cookie: j1.header() }, redirect: "manual" });
  if (s.status !== 200) { console.log("AFTER", name, "j1 page status", s.status, s.headers.get("location")); break; }
}
const a = ids.get("app/console/session-actions.ts#signOutEverywhereAction")!;
const r = await callServerAction(base, a.pagePath, a.id, j1);
console.log(r.status, r.location);
