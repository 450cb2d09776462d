import { handleEventsRequest } from "@/lib/ingest/events-endpoint";

// The identity system's event stream (docs/ingest-api.md). Authorised by an API key in the
// Authorization header, never by a staff cookie; the handler does everything, so tests can call it.
export async function POST(request: Request): Promise<Response> {
  return handleEventsRequest(request);
}
