// npm run bench:help — Lighthouse 12.2.3 (mobile preset, Debian chromium) on the help center's
// pages, served by the production build through the launcher on a free port. Each page is measured
// twice: as served ("ours") and as a script-free copy of the same response (every <script> element
// and script preload removed by a small proxy in this process, the HTML and CSS untouched). The copy
// is the target decision 009 sets: a help page should be as fast as its own HTML without scripts.
// Prints the category scores, LCP and TBT of both, the LCP ratio and first-load JavaScript.
//
//   tsx scripts/bench-help.ts [--rebuild] [--runs N] [--strict]
//
// --rebuild runs `npm run build` even if .next/ has a build; --runs takes the median of N runs per
// page and variant (default 3); --strict exits 1 when a target is missed (performance >= 98,
// TBT <= 100 ms, LCP <= 1.3 x the script-free copy's, the other categories 100).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const PAGES = [
  "/",
  "/search?q=someone%20called%20asking%20for%20my%20code",
  "/help/category/scams-and-fake-calls",
  "/help/troubleshooter",
  "/help/check-a-message",
  "/help/calls-from-a-fake-representative",
  "/help/my-code-is-not-working",
  "/help/backup-codes",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 98,
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
const runs = Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 3);
const TBT_TARGET_MS = 100;
const LCP_RATIO_TARGET = 1.3;

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
    const file = pathname.startsWith("/_next/static/")
      ? path.join(".next", "static", pathname.slice("/_next/static/".length))
      : pathname.startsWith("/help-assets/")
        ? path.join("public", pathname)
        : undefined;
    if (!file) continue;
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { files: sources.size, bytes };
}

/** The page without any script: every <script> element and every script preload removed. */
function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*\bas="script"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*\/?>/gi, "");
}

/**
 * A proxy to the app on a free port. With `bare`, HTML answers lose their scripts; everything else
 * (CSS, images, the 404 status) passes through, so both variants pay the same loopback hop.
 */
async function startProxy(upstream: string, bare: boolean): Promise<{ base: string; server: Server }> {
  const port = await freePort();
  const server = createHttpServer((request, response) => {
    void (async () => {
      try {
        const answer = await fetch(`${upstream}${request.url ?? "/"}`, {
          headers: { "accept-encoding": "identity", accept: request.headers.accept ?? "*/*" },
          redirect: "manual",
        });
        const type = answer.headers.get("content-type") ?? "";
        const headers: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name))
            headers[name] = value;
        });
        let body = Buffer.from(await answer.arrayBuffer());
        if (bare && type.includes("text/html")) body = Buffer.from(stripScripts(body.toString("utf8")));
        response.writeHead(answer.status, { ...headers, "content-length": String(body.length) });
        response.end(body);
      } catch (error) {
        response.writeHead(502, { "content-type": "text/plain" });
        response.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${port}`, server };
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
  const proxies: Server[] = [];
  try {
    await waitForHealth(base, server);
    const ours = await startProxy(base, false);
    const bare = await startProxy(base, true);
    proxies.push(ours.server, bare.server);
    const measure = async (origin: string, page: string, label: string) => {
      const reports: Lhr[] = [];
      for (let run = 0; run < runs; run++) {
        log(`lighthouse ${label} ${page} (run ${run + 1}/${runs}) ...`);
        reports.push(await runLighthouse(`${origin}${page}`));
      }
      const scores = CATEGORIES.map((category) =>
        Math.round(100 * median(reports.map((report) => report.categories[category]?.score ?? 0))),
      );
      const lcp = median(
        reports.map((report) => report.audits["largest-contentful-paint"]?.numericValue ?? 0),
      );
      const tbt = median(reports.map((report) => report.audits["total-blocking-time"]?.numericValue ?? 0));
      const transferred = median(
        reports.map((report) =>
          (report.audits["network-requests"]?.details?.items ?? [])
            .filter((item) => item.resourceType === "Script")
            .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
        ),
      );
      return { scores, lcp, tbt, transferred };
    };
    for (const page of PAGES) {
      // One unmeasured visit so the server's first-request work is not in the figures.
      await fetch(`${base}${page}`);
      const mine = await measure(ours.base, page, "ours");
      const copy = await measure(bare.base, page, "script-free");
      CATEGORIES.forEach((category, index) => {
        if ((mine.scores[index] ?? 0) < TARGETS[category]) missed = true;
      });
      const ratio = copy.lcp > 0 ? mine.lcp / copy.lcp : 1;
      if (mine.tbt > TBT_TARGET_MS || ratio > LCP_RATIO_TARGET) missed = true;
      const gzip = await firstLoadJsGzip(base, page);
      rows.push([
        page.length > 40 ? `${page.slice(0, 39)}…` : page,
        `${mine.scores[0]} / ${copy.scores[0]}`,
        ...mine.scores.slice(1).map(String),
        `${(mine.lcp / 1000).toFixed(2)} / ${(copy.lcp / 1000).toFixed(2)} s`,
        ratio.toFixed(2),
        `${Math.round(mine.tbt)} / ${Math.round(copy.tbt)} ms`,
        `${kb(gzip.bytes)} (${gzip.files})`,
        kb(mine.transferred),
      ]);
    }
  } finally {
    for (const proxy of proxies) proxy.close();
    await stop();
  }

  const header = [
    "page",
    "perf ours / bare",
    "a11y",
    "best-pr.",
    "seo",
    "LCP ours / bare",
    "LCP ratio",
    "TBT ours / bare",
    "first-load JS (gzip -9)",
    "JS transferred",
  ];
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => row[index]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ");
  process.stdout.write(
    `\nLighthouse 12.2.3, mobile preset, ${runs} run(s) per page and variant (median); "bare" is the same response with every script removed\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    `\nTargets: performance >= 98, TBT <= ${TBT_TARGET_MS} ms, LCP <= ${LCP_RATIO_TARGET} x bare, accessibility / best practices / SEO = 100: ${missed ? "MISSED" : "met"}\n`,
  );
  if (strict && missed) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:help] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
