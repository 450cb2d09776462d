import { handleActionsPoll } from "@/lib/integrations/poll";

// Account actions for identity systems that poll instead of receiving webhooks
// (docs/identity-system.md). API key only (scope actions:read); the handler does everything.
export async function GET(request: Request): Promise<Response> {
  return handleActionsPoll(request);
}
