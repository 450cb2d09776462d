// The console's admission control over a real HTTP server and real sockets: requests beyond the
// limit wait in order, other paths never wait, a client that hangs up leaves the queue, a full queue
// is answered 503 at once, and a response that never finishes cannot keep its place forever.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRenderGate, isGatedPath, type RenderGate } from "./render-gate";

type Held = { path: string; finish: () => void };

const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server whose handler holds every response until the test finishes it. */
async function serve(gate: RenderGate) {
  const held: Held[] = [];
  const server = http.createServer((request, response) =>
    gate.admit(request, response, () =>
      held.push({
        path: request.url ?? "",
        finish: () => void (response.writableEnded || response.end(`done ${request.url ?? ""}`)),
      }),
    ),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { held, base: `http://127.0.0.1:${port}` };
}

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the console's admission control", () => {
  it("gates /console and nothing else", () => {
    expect(isGatedPath("/console")).toBe(true);
    expect(isGatedPath("/console/customers/abc?tab=1")).toBe(true);
    expect(isGatedPath("/consoles")).toBe(false);
    expect(isGatedPath("/help/what-is-a-one-time-passcode")).toBe(false);
    expect(isGatedPath("/_next/static/chunks/app.js")).toBe(false);
    expect(isGatedPath("/api/health")).toBe(false);
  });

  it("lets the limit in, queues the rest in order, and never queues other paths", async () => {
    const gate = createRenderGate({ concurrency: 2 });
    const { held, base } = await serve(gate);
    const answers = ["/console/a", "/console/b", "/console/c", "/console/d"].map((path) =>
      fetch(base + path).then((response) => response.text()),
    );
    await tick();
    expect(held.map((request) => request.path)).toEqual(["/console/a", "/console/b"]);
    expect(gate.stats()).toEqual({ active: 2, waiting: 2 });

    // The help center and static files go straight in while the console is full.
    const help = fetch(`${base}/help/scams`).then((response) => response.text());
    await tick();
    expect(held.map((request) => request.path)).toContain("/help/scams");
    held.find((request) => request.path === "/help/scams")?.finish();
    expect(await help).toBe("done /help/scams");

    held[1]?.finish();
    expect(await answers[1]).toBe("done /console/b");
    await tick();
    expect(held.map((request) => request.path)).toContain("/console/c");
    expect(held.map((request) => request.path)).not.toContain("/console/d");

    for (const request of held) request.finish();
    await tick();
    for (const request of held) request.finish();
    expect(await Promise.all(answers)).toEqual([
      "done /console/a",
      "done /console/b",
      "done /console/c",
      "done /console/d",
    ]);
    expect(gate.stats()).toEqual({ active: 0, waiting: 0 });
  });

  it("drops a waiting request whose client hung up", async () => {
    const gate = createRenderGate({ concurrency: 1 });
    const { held, base } = await serve(gate);
    const first = fetch(`${base}/console/first`).then((response) => response.text());
    await tick();
    const abandon = new AbortController();
    const gone = fetch(`${base}/console/gone`, { signal: abandon.signal }).catch(() => "aborted");
    const last = fetch(`${base}/console/last`).then((response) => response.text());
    await tick();
    expect(gate.stats()).toEqual({ active: 1, waiting: 2 });
    abandon.abort();
    expect(await gone).toBe("aborted");
    await tick();
    expect(gate.stats().waiting).toBe(1);

    held[0]?.finish();
    expect(await first).toBe("done /console/first");
    await tick();
    // The abandoned request was never handed to Next.
    expect(held.map((request) => request.path)).toEqual(["/console/first", "/console/last"]);
    held[1]?.finish();
    expect(await last).toBe("done /console/last");
  });

  it("answers 503 with Retry-After when the queue is full, and keeps what it queued", async () => {
    const gate = createRenderGate({ concurrency: 1, queueLimit: 1 });
    const { held, base } = await serve(gate);
    const first = fetch(`${base}/console/1`).then((response) => response.text());
    await tick();
    const queued = fetch(`${base}/console/2`).then((response) => response.text());
    await tick();
    const refused = await fetch(`${base}/console/3`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ status: 503, title: "Service Unavailable" });

    held[0]?.finish();
    await tick();
    held[1]?.finish();
    expect(await Promise.all([first, queued])).toEqual(["done /console/1", "done /console/2"]);
  });

  it("frees the place of a response that does not finish in time", async () => {
    const gate = createRenderGate({ concurrency: 1, maxHoldMs: 100 });
    const { held, base } = await serve(gate);
    void fetch(`${base}/console/stuck`).catch(() => "closed at the end");
    await tick();
    const next = fetch(`${base}/console/next`).then((response) => response.text());
    await tick();
    expect(held.map((request) => request.path)).toEqual(["/console/stuck"]);
    await tick(150);
    expect(held.map((request) => request.path)).toEqual(["/console/stuck", "/console/next"]);
    held[1]?.finish();
    expect(await next).toBe("done /console/next");
  });

  it("does nothing with a limit of 0", async () => {
    const gate = createRenderGate({ concurrency: 0 });
    const { held, base } = await serve(gate);
    const answers = [1, 2, 3].map((index) =>
      fetch(`${base}/console/${index}`).then((response) => response.text()),
    );
    await tick();
    expect(held).toHaveLength(3);
    for (const request of held) request.finish();
    expect(await Promise.all(answers)).toHaveLength(3);
  });
});
