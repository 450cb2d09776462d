import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionPayloadProblem } from "./action-payload";

const require = createRequire(import.meta.url);
// React's own encoder, as the browser uses it: what it produces must always pass.
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

function post(body: BodyInit, type = "text/plain;charset=UTF-8"): Request {
  const headers = typeof body === "string" ? { "content-type": type } : undefined;
  return new Request("http://desk.test/report", { method: "POST", headers, body });
}

describe("server action payload guard", () => {
  it("passes what React's encoder sends for our forms", async () => {
    const form = new FormData();
    form.append("reason", "Customer called, ticket 12");
    form.append("scopes", "EVENTS_WRITE");
    form.append("note", "$$ starts with a dollar");
    for (const args of [
      [{ status: "idle", message: undefined }, form],
      [{ status: "idle" }, new FormData()],
      [{ status: "ok", when: new Date(0), count: 10n, text: "$not a reference" }, "plain"],
      [],
    ]) {
      expect(await actionPayloadProblem(post(await encodeReply(args)))).toBeNull();
    }
  });

  it("reads multipart bodies whose boundary has capital letters, as browsers send them", async () => {
    const boundary = "----WebKitFormBoundaryAbCdEfGh12345678";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="1_reason"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"status":"idle"},"$K1"]\r\n--${boundary}--\r\n`;
    const request = new Request("http://desk.test/report", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(await actionPayloadProblem(request)).toBeNull();
  });

  it("refuses bad JSON, deep nesting and references to parts that are not there with a 400", async () => {
    for (const body of [
      '[{"a":',
      `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
      '["$Q1"]',
      '["$@2"]',
      '["$h0"]',
      '["$1"]',
    ]) {
      expect(await actionPayloadProblem(post(body)), body.slice(0, 20)).toMatchObject({ status: 400 });
    }
    const multipart = new FormData();
    multipart.append("0", '[{"status":"idle"},"$Q3"]');
    expect(await actionPayloadProblem(post(multipart))).toMatchObject({ status: 400 });
    const noArguments = new FormData();
    noArguments.append("1_reason", "x");
    expect(await actionPayloadProblem(post(noArguments))).toMatchObject({ status: 400 });
    const broken = new Request("http://desk.test/report", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--x\r\nnope",
    });
    expect(await actionPayloadProblem(broken)).toMatchObject({ status: 400 });
  });

  it("refuses bodies over the limit with a 413, whatever Content-Length says", async () => {
    const big = `["${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"]`;
    expect(await actionPayloadProblem(post(big))).toMatchObject({ status: 413 });
    const lying = new Request("http://desk.test/report", {
      method: "POST",
      headers: { "content-type": "text/plain", "content-length": "5000000" },
      body: "[]",
    });
    expect(await actionPayloadProblem(lying)).toMatchObject({ status: 413 });
  });

  it("passes a form posted without JavaScript, which names its action in a field", async () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc123", "");
    form.append("story", "They asked for my code");
    expect(await actionPayloadProblem(post(form))).toBeNull();
  });
});
