// The example sender against a stand-in server: it resends an unacknowledged batch unchanged after
// 503 and 429, and stops without resending when the request itself is refused.
import { spawn } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loginAttemptEvent } from "@/test/factories/events";

let server: Server | undefined;
afterEach(() => server?.close());

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Answers with the given statuses in turn; records each request body. */
async function standIn(statuses: number[]): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      bodies.push(body);
      const status = statuses[bodies.length - 1] ?? 200;
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (status === 429 || status === 503) headers["retry-after"] = "0";
      const events = (JSON.parse(body) as { events: unknown[] }).events;
      response.writeHead(status, headers);
      response.end(
        JSON.stringify(
          status < 300
            ? { accepted: events.length, duplicates: 0, rejected: [] }
            : { code: "nope", detail: "refused" },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return { url: `http://127.0.0.1:${address.port}`, bodies };
}

function runSender(url: string, file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/send-events-example.ts", file], {
      env: { ...process.env, DESK_URL: url, DESK_API_KEY: "asd_abcdefgh_test" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

function eventsFile(count: number): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "sender-")), "events.json");
  writeFileSync(file, JSON.stringify(Array.from({ length: count }, () => loginAttemptEvent())));
  return file;
}

describe("scripts/send-events-example.ts", () => {
  it("resends an unacknowledged batch unchanged until it is acknowledged", async () => {
    const { url, bodies } = await standIn([503, 429, 200]);
    const result = await runSender(url, eventsFile(3));
    expect(result.code, result.output).toBe(0);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect(result.output).toContain("done: 3 accepted");
  });

  it("splits large inputs into batches of at most 1,000 events", async () => {
    const { url, bodies } = await standIn([]);
    const result = await runSender(url, eventsFile(2_500));
    expect(result.code, result.output).toBe(0);
    expect(bodies.map((body) => (JSON.parse(body) as { events: unknown[] }).events.length)).toEqual([
      1000, 1000, 500,
    ]);
  });

  it("does not resend a batch the server refused as malformed", async () => {
    const { url, bodies } = await standIn([400]);
    const result = await runSender(url, eventsFile(1));
    expect(result.code).toBe(1);
    expect(bodies).toHaveLength(1);
    expect(result.output).toContain("400");
  });
});
