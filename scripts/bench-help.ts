// npm run bench:help — Lighthouse 12.2.3 (mobile preset, Debian chromium) on the help center's home
// page and two articles, served by the production build through the launcher on a free port.
// Prints the four category scores and first-load JavaScript per page.
//
//   tsx scripts/bench-help.ts [--rebuild] [--runs N] [--strict]
//
// --rebuild runs `npm run build` even if .next/ has a build; --runs takes the median of N runs per
// page (default 1); --strict exits 1 when a target is missed (performance ≥ 95, the others 100).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const PAGES = ["/", "/help/calls-from-a-fake-representative", "/help/my-code-is-not-working"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};
const CHROME = process.env.CHROME_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const args = process.argv.slice(2);
const rebuild = args.includes("--rebuild");
const strict = args.includes("--strict");
const runs = Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 1);

function log(message: string) {
  process.stdout.write(`[bench:help] ${message}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`);
}

type Lhr = {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      numericValue?: number;
      details?: { items?: { url: string; resourceType?: string; transferSize?: number }[] };
    }
  >;
};

async function runLighthouse(url: string): Promise<Lhr> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-help-"));
  const output = path.join(dir, "report.json");
  try {
    // Async, so this process keeps serving its own sockets while Lighthouse runs.
    const child = spawn(
      "node_modules/.bin/lighthouse",
      [
        url,
        "--quiet",
        "--output=json",
        `--output-path=${output}`,
        `--only-categories=${CATEGORIES.join(",")}`,
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
      ],
      {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, ...(CHROME ? { CHROME_PATH: CHROME } : {}) },
      },
    );
    const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (status !== 0) throw new Error(`lighthouse failed on ${url} (exit ${status})`);
    return JSON.parse(readFileSync(output, "utf8")) as Lhr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** gzip -9 size of the scripts the page's HTML loads (the first-load JS), read from the build. */
async function firstLoadJsGzip(base: string, page: string): Promise<{ files: number; bytes: number }> {
  const html = await (await fetch(`${base}${page}`, { headers: { connection: "close" } })).text();
  // Modern browsers skip noModule scripts (Next's legacy polyfills), so they are not counted.
  const sources = new Set(
    [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
      .filter((match) => !/nomodule/i.test(`${match[1] ?? ""} ${match[3] ?? ""}`))
      .map((match) => match[2] ?? ""),
  );
  let bytes = 0;
  for (const src of sources) {
    const pathname = new URL(src, base).pathname;
    if (!pathname.startsWith("/_next/static/")) continue;
    const file = path.join(".next", "static", pathname.slice("/_next/static/".length));
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { files: sources.size, bytes };
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  if (rebuild || !existsSync(".next/BUILD_ID")) {
    log("building (npm run build) ...");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("the build failed");
  } else {
    log("reusing the build in .next/ (pass --rebuild to build again)");
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`starting the production server on ${base} ...`);
  const server = spawn(
    "node_modules/.bin/tsx",
    [
      "scripts/launch.ts",
      "demo",
      "--data-dir",
      ".data/pg-bench",
      "--fresh",
      "--",
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
    ],
    {
      stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"],
      env: { ...process.env, APP_URL: base, SEED_DEMO_DATA: "0", CI: "1" },
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
      setTimeout(() => server.kill("SIGKILL"), 20_000).unref();
    });
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));

  const rows: string[][] = [];
  let missed = false;
  try {
    await waitForHealth(base, server);
    for (const page of PAGES) {
      // One unmeasured visit so the server's first-request work is not in the figures.
      await fetch(`${base}${page}`);
      const reports: Lhr[] = [];
      for (let run = 0; run < runs; run++) {
        log(`lighthouse ${page} (run ${run + 1}/${runs}) ...`);
        reports.push(await runLighthouse(`${base}${page}`));
      }
      const scores = CATEGORIES.map((category) =>
        Math.round(100 * median(reports.map((report) => report.categories[category]?.score ?? 0))),
      );
      CATEGORIES.forEach((category, index) => {
        if ((scores[index] ?? 0) < TARGETS[category]) missed = true;
      });
      const transferred = median(
        reports.map((report) =>
          (report.audits["network-requests"]?.details?.items ?? [])
            .filter((item) => item.resourceType === "Script" && !item.url.endsWith("/search-index.json"))
            .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
        ),
      );
      const lcp = median(
        reports.map((report) => report.audits["largest-contentful-paint"]?.numericValue ?? 0),
      );
      const tbt = median(reports.map((report) => report.audits["total-blocking-time"]?.numericValue ?? 0));
      const gzip = await firstLoadJsGzip(base, page);
      rows.push([
        page,
        ...scores.map(String),
        `${kb(gzip.bytes)} (${gzip.files} files)`,
        kb(transferred),
        `${(lcp / 1000).toFixed(2)} s`,
        `${Math.round(tbt)} ms`,
      ]);
    }
  } finally {
    await stop();
  }

  const header = [
    "page",
    "perf",
    "a11y",
    "best-pr.",
    "seo",
    "first-load JS (gzip -9)",
    "JS transferred",
    "LCP",
    "TBT",
  ];
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => row[index]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ");
  process.stdout.write(`\nLighthouse 12.2.3, mobile preset, ${runs} run(s) per page (median)\n`);
  process.stdout.write(`${line(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    `\nTargets: performance >= 95, accessibility / best practices / SEO = 100: ${missed ? "MISSED" : "met"}\n`,
  );
  if (strict && missed) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:help] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
