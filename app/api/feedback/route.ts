// POST /api/feedback: "Was this helpful?". The form posts here directly when JavaScript is off
// (answered with 303 to a result page); the island posts with Accept: application/json (answered
// with the ActionState and a matching status: 200, 400, 404, 413, 429). Bad input never causes a 500.
import { submitArticleFeedback, type FeedbackOutcome } from "@/lib/feedback/submit-feedback";
import { clientFingerprint } from "@/lib/http/client-ip";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/cross-site";
import { log } from "@/lib/log";

const MAX_BODY_BYTES = 16 * 1024;

function wantsJson(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("application/json");
}

function resultUrl(outcome: Pick<FeedbackOutcome, "code" | "state">, articleSlug: unknown): string {
  const params = new URLSearchParams({ result: outcome.code });
  if (typeof articleSlug === "string" && /^[a-z0-9-]{1,120}$/.test(articleSlug))
    params.set("article", articleSlug);
  const fields = Object.keys(outcome.state.fieldErrors ?? {});
  if (fields.length) params.set("fields", fields.join(","));
  return `/help/feedback?${params.toString()}`;
}

function respond(
  request: Request,
  outcome: FeedbackOutcome | (Omit<FeedbackOutcome, "httpStatus"> & { httpStatus: 413 }),
  articleSlug?: unknown,
) {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (outcome.retryAfterSeconds) headers["Retry-After"] = String(outcome.retryAfterSeconds);
  if (wantsJson(request)) return Response.json(outcome.state, { status: outcome.httpStatus, headers });
  // A relative Location is valid (RFC 9110) and stays right behind any proxy.
  return new Response(null, {
    status: 303,
    headers: { ...headers, Location: resultUrl(outcome, articleSlug) },
  });
}

/** The body, or null when it is larger than `max` bytes (read no further than that). */
async function readLimited(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function POST(request: Request): Promise<Response> {
  // Another site must not be able to make its visitors vote.
  if (isCrossSiteRequest(request)) {
    log.warn("feedback.cross_site_refused", {
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
    });
    return crossSiteRefusal();
  }
  const body = await readLimited(request, MAX_BODY_BYTES);
  if (!body) {
    return respond(request, {
      state: {
        status: "invalid",
        message: "That was too much text to send.",
        fieldErrors: { comment: ["That was too much text to send."] },
      },
      httpStatus: 413,
      code: "invalid",
    });
  }

  let fields: Record<string, string>;
  try {
    const form = await new Response(body, {
      headers: { "Content-Type": request.headers.get("content-type") ?? "" },
    }).formData();
    fields = {};
    for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
  } catch {
    return respond(request, {
      state: { status: "invalid", message: "Please send the feedback form." },
      httpStatus: 400,
      code: "invalid",
    });
  }

  const outcome = await submitArticleFeedback(fields, clientFingerprint(request.headers));
  return respond(request, outcome, fields.articleSlug);
}
