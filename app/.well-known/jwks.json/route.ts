import { deskJwks } from "@/lib/integrations/security-event-tokens";

// Read from the environment per request, not frozen into the build.
export const dynamic = "force-dynamic";

// The desk's public key for OpenID Shared Signals receivers to verify its Security Event Tokens.
export async function GET(): Promise<Response> {
  return Response.json(await deskJwks(), { headers: { "cache-control": "public, max-age=300" } });
}
