import { ssfConfiguration } from "@/lib/integrations/security-event-tokens";

// Read from the environment per request, not frozen into the build.
export const dynamic = "force-dynamic";

// OpenID Shared Signals transmitter metadata (SSF 1.0 §7.1).
export function GET(): Response {
  return Response.json(ssfConfiguration(), { headers: { "cache-control": "public, max-age=300" } });
}
