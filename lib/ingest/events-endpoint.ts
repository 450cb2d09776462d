// POST /api/v1/events: the identity system's way in (docs/ingest-api.md). The route handler only
// calls handleEventsRequest, which takes a plain Request, so tests call it without a server.
//
// Order: authenticate (bearer API key) → authorise (scope) → rate limit (per key) → check the
// media type → read the body (1 MiB cap) → parse JSON → check the envelope → validate each event
// → bulk write. Client mistakes get a 4xx with a problem document (RFC 9457); only a failure on our
// side answers 5xx. Cookies are neither needed nor read: a browser session cannot call this.
//
// Responses say Cache-Control: no-store, no-transform: nothing to cache, and no-transform keeps
// Next's gzip off these small bodies (a zlib stream per response cost ~2 ms of CPU a request).
//
// Status codes of a processed batch: 200 when every event was stored or was a duplicate; 207 when
// at least one event was rejected (the good ones of the batch are stored either way). Any 2xx
// means "do not resend this batch"; resending a 207 batch unchanged would be rejected again.
import "server-only";
import { isUtf8 } from "node:buffer";
import { authenticateRequest, missingScope, problem } from "@/lib/api-keys/api-request";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_BATCH, batchEnvelopeSchema } from "./schemas";
import { ingestEvents } from "./write-events";
import { log } from "@/lib/log";
import { env } from "@/lib/env";

const REQUIRED_SCOPE = "EVENTS_WRITE";

/**
 * Requests per key per minute. The default (3,000 batches, up to 3 million events a minute) is far
 * above what one identity system sends; it stops a runaway client, not normal bursts.
 */
export function ingestRateRule(): RateLimitRule {
  const limit = env().INGEST_RATE_LIMIT_PER_MINUTE;
  return {
    name: "ingest-key",
    limit: Number.isInteger(limit) && limit > 0 ? limit : 3000,
    windowSeconds: 60,
  };
}

function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(essence);
}

export async function handleEventsRequest(request: Request): Promise<Response> {
  try {
    const key = await authenticateRequest(request);
    if (key instanceof Response) return key;
    // Either scope lets a key in; each event is then checked against the scope its type needs.
    const refusal = key.scopes.includes("DIRECTORY_WRITE") ? null : missingScope(key, REQUIRED_SCOPE);
    if (refusal) return refusal;

    const rule = ingestRateRule();
    const rate = await hitRateLimit(rule, key.id);
    if (!rate.allowed) {
      return problem({
        status: 429,
        code: "rate_limited",
        title: "Too Many Requests",
        detail: `This key may send ${rule.limit} requests a minute. Wait ${rate.retryAfterSeconds} s and resend the batch.`,
        headers: { "retry-after": String(rate.retryAfterSeconds) },
      });
    }

    if (!isJsonMediaType(request.headers.get("content-type"))) {
      return problem({
        status: 415,
        code: "unsupported_media_type",
        title: "Unsupported Media Type",
        detail: "Send the batch as JSON with Content-Type: application/json.",
        headers: { "accept-post": "application/json" },
      });
    }
    const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
    if (encoding && encoding !== "identity") {
      return problem({
        status: 415,
        code: "unsupported_content_encoding",
        title: "Unsupported Media Type",
        detail: "Compressed bodies are not accepted: send the JSON uncompressed.",
        headers: { "accept-encoding": "identity" },
      });
    }

    const body = await readLimitedBody(request, MAX_BODY_BYTES);
    if (!body.ok) {
      return body.reason === "too-large"
        ? problem({
            status: 413,
            code: "body_too_large",
            title: "Content Too Large",
            detail: `The body is larger than ${MAX_BODY_BYTES.toLocaleString("en")} bytes. Send fewer events per request.`,
            headers: { connection: "close" },
          })
        : problem({
            status: 400,
            code: "unreadable_body",
            title: "Bad Request",
            detail: "The request body could not be read to the end.",
          });
    }

    let json: unknown;
    try {
      // isUtf8 + toString: the same check as a fatal TextDecoder at half the CPU.
      const bytes = Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength);
      if (!isUtf8(bytes)) throw new Error("not UTF-8");
      json = JSON.parse(bytes.toString("utf8"));
    } catch {
      return problem({
        status: 400,
        code: "invalid_json",
        title: "Bad Request",
        detail: "The body is not valid JSON (UTF-8).",
      });
    }
    const envelope = batchEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      return problem({
        status: 400,
        code: "invalid_batch",
        title: "Bad Request",
        detail: `The body must be { "events": [ ... ] } with 1 to ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events.`,
        errors: envelope.error.issues.map((issue) => ({
          field: issue.path.map(String).join(".") || "body",
          message: issue.message,
        })),
      });
    }

    const outcome = await ingestEvents(envelope.data.events, undefined, key.scopes, key.id);
    return new Response(JSON.stringify(outcome), {
      status: outcome.rejected.length > 0 ? 207 : 200,
      headers: { "content-type": "application/json", "cache-control": "no-store, no-transform" },
    });
  } catch (error) {
    // Our failure (database down, a bug): the client should resend the batch later.
    log.error("ingest.batch_failed", { error });
    return problem({
      status: 503,
      code: "temporarily_unavailable",
      title: "Service Unavailable",
      detail:
        "The batch was not processed completely. Resend it later; events already stored will count as duplicates.",
      headers: { "retry-after": "5" },
    });
  }
}
