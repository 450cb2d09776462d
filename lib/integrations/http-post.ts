// One POST to an identity system. Node's http(s).request rather than fetch because it lets the
// connection use guardedLookup: the address checked is the address connected to. Redirects are not
// followed (a 3xx is a failure to fix in the endpoint's URL), the answer is read up to a few kB for
// the delivery log, and a slow receiver is cut off so one endpoint cannot stall the worker.
import http from "node:http";
import https from "node:https";
import { replaceControlCharacters, stripBidiControls } from "@/lib/forms/storable-text";
import { guardedLookup } from "./url-safety";

const TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 2_048;

export type PostOutcome = { statusCode: number; latencyMs: number; excerpt: string };

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly latencyMs: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Printable text only, short: a receiver's answer is shown to admins, never trusted as markup. */
export function responseExcerpt(raw: string, limit = 300): string {
  return replaceControlCharacters(stripBidiControls(raw)).replace(/\s+/g, " ").trim().slice(0, limit);
}

export function postSigned(
  target: string,
  body: string,
  headers: Record<string, string>,
  { allowPrivate, timeoutMs = TIMEOUT_MS }: { allowPrivate: boolean; timeoutMs?: number },
): Promise<PostOutcome> {
  const url = new URL(target);
  const client = url.protocol === "https:" ? https : http;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup({ allowPrivate }),
        headers: {
          "content-length": Buffer.byteLength(body).toString(),
          "user-agent": "account-security-desk",
          ...headers,
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            latencyMs: elapsed(),
            excerpt: responseExcerpt(Buffer.concat(chunks).toString("utf8")),
          }),
        );
        response.on("error", (error) => reject(new DeliveryError(error.message, elapsed())));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)));
    request.on("error", (error) => reject(new DeliveryError(error.message, elapsed())));
    request.end(body);
  });
}
