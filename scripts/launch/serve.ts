// The desk's HTTP server: Next.js behind a few lines that only a server holding the socket can
// write. It is what `npm run dev`, `npm run demo` and `npm start` run (through scripts/launch.ts).
//
//   tsx scripts/launch/serve.ts dev|start [--port 3000] [--hostname 127.0.0.1]
//
// Before Next sees a request, the server
// - resolves the client's address from the socket and, only as far as TRUST_PROXY allows, from
//   X-Forwarded-For, and writes it into CLIENT_ADDRESS_HEADER (a client cannot set that header:
//   whatever it sent is replaced);
// - when no proxy is trusted, drops the X-Forwarded-* headers a client may have sent, so neither
//   Next (which reads X-Forwarded-Host for its server-action origin check) nor our code acts on them;
// - refuses URLs longer than MAX_URL_LENGTH with 414: no page needs one, and Next would echo it
//   into a redirect's Location header, making a response too large for common clients and proxies;
// - in production, lets at most CONSOLE_CONCURRENCY console requests into Next at once and queues
//   the rest (lib/http/render-gate.ts).
import http from "node:http";
import next from "next";
import { parseEnv } from "../../lib/env";
import { CLIENT_ADDRESS_HEADER, parseProxyTrust, resolveClientAddress } from "../../lib/http/client-address";
import { createRenderGate } from "../../lib/http/render-gate";

const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
];

/** As nginx's default request-line buffer. */
export const MAX_URL_LENGTH = 8_192;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  if (mode !== "dev" && mode !== "start")
    throw new Error("usage: serve.ts dev|start [--port N] [--hostname H]");
  const dev = mode === "dev";
  const port = Number(option(args, "--port") ?? option(args, "-p") ?? 3000);
  const hostname = option(args, "--hostname") ?? option(args, "-H") ?? (dev ? "127.0.0.1" : "0.0.0.0");
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--port must be a port number, got ${port}`);

  const config = parseEnv(process.env);
  const trust = parseProxyTrust(config.TRUST_PROXY);
  // Development compiles pages on first request and serves one developer: nothing to queue.
  const gate = createRenderGate({ concurrency: dev ? 0 : config.CONSOLE_CONCURRENCY });
  const app = next({ dev, hostname, port, turbopack: dev });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((request, response) => {
    if ((request.url ?? "").length > MAX_URL_LENGTH) {
      response.writeHead(414, { "content-type": "application/problem+json", "cache-control": "no-store" });
      response.end(
        JSON.stringify({
          type: "about:blank",
          title: "URI Too Long",
          status: 414,
          detail: `Addresses longer than ${MAX_URL_LENGTH} characters are refused.`,
        }),
      );
      return;
    }
    const address = resolveClientAddress(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      trust,
    );
    if (trust.kind === "none") for (const name of FORWARDING_HEADERS) delete request.headers[name];
    request.headers[CLIENT_ADDRESS_HEADER] = address;
    // Next keeps an X-Forwarded-For it finds; give it the address we resolved, not the client's claim.
    request.headers["x-forwarded-for"] = address;
    gate.admit(request, response, () => void handle(request, response));
  });
  if (dev)
    server.on("upgrade", (request, socket, head) => void app.getUpgradeHandler()(request, socket, head));
  server.listen(port, hostname, () => {
    process.stdout.write(
      `  ▲ Ready on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port} (${mode})\n`,
    );
  });

  const stop = () => {
    server.close(() => void app.close().finally(() => process.exit(0)));
    // Keep-alive connections can hold close() open; do not wait for them forever.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
