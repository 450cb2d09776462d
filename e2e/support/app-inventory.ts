// What the app consists of, read from the source tree and the build: pages, route handlers and
// server actions. Specs that must cover everything (the authorization matrix, the fuzz tests)
// compare their lists with these, so a new route or action cannot be forgotten.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** "app/console/(signed-in)/staff/page.tsx" → "/console/staff"; dynamic segments become patterns. */
export function routeOf(file: string, suffix: RegExp): string {
  const route = file
    .replace(/^app/, "")
    .replace(suffix, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/");
  return route === "" ? "/" : route;
}

export function routePattern(route: string): RegExp {
  const source = route
    .split("/")
    .map((segment) =>
      /^\[\.\.\..+\]$/.test(segment)
        ? ".+"
        : /^\[.+\]$/.test(segment)
          ? "[^/]+"
          : segment.replace(/[.*+?^${}()|\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${source}$`);
}

/** Every exported server action, as "file#exportName". */
export function discoverActions(): string[] {
  return walk("app")
    .filter((file) => /\.tsx?$/.test(file) && /^["']use server["'];/m.test(readFileSync(file, "utf8")))
    .flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^export (?:async function|const) (\w+)/gm)].map(
        (match) => `${file}#${match[1]}`,
      ),
    );
}

/** Every route handler file under app/. */
export function discoverRouteHandlers(): string[] {
  return walk("app").filter((file) => /\/route\.ts$/.test(file));
}

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

/** The build's id for each action and a page path to post it to (needs `next build`). */
export function actionIds(): Map<string, { id: string; pagePath: string }> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, { id: string; pagePath: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0] ?? "";
    // The action is posted to a page that renders it; dynamic segments get a placeholder value.
    const pagePath = routeOf(worker, /\/page$/).replace(/\[[^\]]+\]/g, "x");
    ids.set(`${entry.filename}#${entry.exportedName}`, { id, pagePath });
  }
  return ids;
}
