// POST /api/help/search-misses: the help center's script reports a search that found nothing, or
// whose results the reader left without opening ({ query, outcome } as JSON; navigator.sendBeacon
// sends it as text/plain). Counted per day with nothing about the reader (lib/feedback/search-miss).
// Answers 204, or 400 / 403 / 413 / 429; bad input never causes a 500.
import { submitSearchMiss, privacySignals } from "@/lib/feedback/search-miss";
import { clientFingerprint } from "@/lib/http/client-ip";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/cross-site";

const MAX_BODY_BYTES = 4 * 1024;

function status(code: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: code, headers: { "Cache-Control": "no-store", ...headers } });
}

/** The body as text, or null when it is larger than `max` bytes (read no further than that). */
async function readLimited(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return "";
  const decoder = new TextDecoder();
  const reader = request.body.getReader();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSiteRefusal();
  const text = await readLimited(request, MAX_BODY_BYTES);
  if (text === null) return status(413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return status(400);
  }
  const outcome = await submitSearchMiss(
    body,
    clientFingerprint(request.headers),
    privacySignals(request.headers),
  );
  return status(
    outcome.httpStatus,
    outcome.retryAfterSeconds ? { "Retry-After": String(outcome.retryAfterSeconds) } : {},
  );
}
