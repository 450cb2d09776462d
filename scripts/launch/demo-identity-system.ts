// `npm run dev` and `npm run demo` start the reference identity system (examples/identity-system)
// beside the desk and connect the two, so a new user sees the whole loop: an agent resets a
// customer's 2FA → the identity system verifies the signed delivery and removes the factor → the
// desk shows the action confirmed, and the identity system reports the removal back as a
// directory event (with an API key of its own, scope directory:write). It listens on the app's port + 10 on 127.0.0.1, with a secret
// generated at each start; the desk's endpoint row is (re)pointed at it. An admin who removes the
// endpoint in the console keeps it removed.
import pg from "pg";
import { encryptAtRest } from "../../lib/crypto/at-rest";
import { IdentitySystem } from "../../examples/identity-system/identity-system";
import { newWebhookSecret } from "../../lib/integrations/standard-webhooks";
import { generateApiKey } from "../../lib/api-keys/key-material";
import { ACCOUNT_ACTION_KINDS } from "../../lib/account-actions/labels";

/** Fixed so that the demo's links (and the authorisation matrix) can name it. */
export const DEMO_ENDPOINT_ID = "7e57ab1e-0000-4000-8000-000000000001";

export async function startDemoIdentitySystem(
  databaseUrl: string,
  appPort: number,
  log: (message: string) => void,
): Promise<void> {
  const secret = newWebhookSecret();
  // Its key for reporting back (directory:write): a new one each start, the previous one revoked.
  const key = generateApiKey();
  const system = new IdentitySystem({
    secrets: [secret],
    reportTo: { url: `http://127.0.0.1:${appPort}`, apiKey: key.key },
  });
  const handle = system.handle;
  system.handle = (request, response) => {
    response.on("finish", () => {
      if (request.method === "POST")
        log(
          `identity system: ${String(request.headers["webhook-id"] ?? "?")} answered ${response.statusCode}`,
        );
    });
    handle(request, response);
  };
  const { port } = await system.listen(appPort + 10);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE api_keys SET revoked_at = now() WHERE name = 'Reference identity system (demo)' AND revoked_at IS NULL`,
    );
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO api_keys (name, prefix, secret_hash, scopes)
       VALUES ('Reference identity system (demo)', $1, $2, ARRAY['DIRECTORY_WRITE']::"ApiScope"[]) RETURNING id`,
      [key.prefix, key.secretHash],
    );
    // Linked to the endpoint: its directory events confirm the actions sent to it.
    await client.query(
      `INSERT INTO integration_endpoints (id, name, format, url, secret_enc, api_key_id, action_kinds)
       VALUES ($1, 'Reference identity system (demo)', 'STANDARD_WEBHOOKS', $2, $3, $4, $5::"AccountActionKind"[])
       ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, secret_enc = EXCLUDED.secret_enc,
         action_kinds = EXCLUDED.action_kinds,
         api_key_id = EXCLUDED.api_key_id, previous_secret_enc = NULL, previous_secret_expires_at = NULL
       WHERE integration_endpoints.removed_at IS NULL`,
      [
        DEMO_ENDPOINT_ID,
        `http://127.0.0.1:${port}/desk-events`,
        encryptAtRest(secret),
        rows[0]?.id ?? null,
        // Every kind, listed: prompts for the customer's app go only to endpoints that list them.
        ACCOUNT_ACTION_KINDS,
      ],
    );
  } finally {
    await client.end();
  }
  log(`Reference identity system on http://127.0.0.1:${port} (its state: /state).`);
}
