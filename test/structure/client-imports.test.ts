// Client components ship to the browser with everything they import. A Node built-in reached from
// one (even through a shared schema module) makes the bundler add a large polyfill, and the crypto
// one calls eval, which the console's Content Security Policy blocks. This walks the import graph
// from every "use client" file and fails on any Node built-in or server-only module it reaches.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
// lib/env reads the server's process.env, which the browser does not have.
const FORBIDDEN = /^(node:|server-only$|pg$|@node-rs\/|@prisma\/adapter-pg$|nodemailer$|@\/lib\/env$)/;
const NODE_BUILTINS = new Set([
  "crypto",
  "fs",
  "path",
  "os",
  "child_process",
  "net",
  "http",
  "https",
  "stream",
  "zlib",
  "util",
  "vm",
  "buffer",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

function resolveLocal(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every local module reachable from `file` (server action modules excluded), `file` included. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  const text = readFileSync(file, "utf8");
  if (seen.size > 0 && /^\s*["']use server["']/m.test(text)) return seen;
  seen.add(file);
  for (const match of text.matchAll(IMPORT)) {
    const local = resolveLocal(match[1] ?? "", file);
    if (local) reachable(local, seen);
  }
  return seen;
}

/** The forbidden modules reachable from `file`, each with the chain that reaches it. */
function forbiddenReach(file: string, seen = new Set<string>(), chain: string[] = []): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, "utf8");
  // A server action module is called over the network from the client, never bundled into it.
  if (chain.length > 0 && /^\s*["']use server["']/m.test(text)) return [];
  const problems: string[] = [];
  const here = [...chain, path.relative(root, file)];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? "";
    if (FORBIDDEN.test(specifier) || NODE_BUILTINS.has(specifier))
      problems.push(`${here.join(" → ")} → ${specifier}`);
    const local = resolveLocal(specifier, file);
    if (local) problems.push(...forbiddenReach(local, seen, here));
  }
  return problems;
}

describe("client components", () => {
  const clientFiles = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) =>
    /^\s*["']use client["']/m.test(readFileSync(file, "utf8")),
  );

  it("exist (the scan finds them)", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
  });

  it("import no Node built-in or server-only module, directly or through shared modules", () => {
    const problems = clientFiles.flatMap((file) => forbiddenReach(file));
    expect(problems).toEqual([]);
  });

  it("that reach a zod schema module also load lib/forms/zod-csp.ts (no eval probe under the CSP)", () => {
    const jitless = path.join(root, "lib/forms/zod-csp.ts");
    // Zod probes for eval lazily, at the first parse, so the config only has to be in the bundle.
    const missing = clientFiles.filter((file) => {
      const modules = [...reachable(file)];
      const usesZod = modules.some((module) =>
        /^\s*import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+["']zod["']/m.test(readFileSync(module, "utf8")),
      );
      return usesZod && !modules.includes(jitless);
    });
    expect(missing).toEqual([]);
  });
});
