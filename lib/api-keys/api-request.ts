// What every key-authenticated API route shares (POST /api/v1/events, GET /api/v1/actions): problem
// documents (RFC 9457) for every refusal, bearer-key authentication and the scope check, each with
// the WWW-Authenticate header RFC 6750 asks for.
import "server-only";
import { authenticateApiKey, type AuthenticatedApiKey } from "./api-keys";
import { bearerToken } from "./key-material";
import { scopeLabel } from "./scopes";
import type { ApiScope } from "@/lib/generated/prisma/enums";

const REALM = 'Bearer realm="account-security-desk"';

export type Problem = {
  status: number;
  code: string;
  title: string;
  detail: string;
  headers?: Record<string, string>;
  errors?: unknown;
};

export function problem({ status, code, title, detail, headers, errors }: Problem): Response {
  return new Response(
    JSON.stringify({ type: "about:blank", status, code, title, detail, ...(errors ? { errors } : {}) }),
    {
      status,
      headers: {
        "content-type": "application/problem+json",
        "cache-control": "no-store, no-transform",
        ...headers,
      },
    },
  );
}

/** The request's API key, or the 401 to answer. */
export async function authenticateRequest(request: Request): Promise<AuthenticatedApiKey | Response> {
  const authorization = request.headers.get("authorization");
  const key = await authenticateApiKey(authorization);
  if (key) return key;
  const presented = bearerToken(authorization) !== null;
  return problem({
    status: 401,
    code: presented ? "invalid_api_key" : "missing_api_key",
    title: "Unauthorized",
    detail: presented
      ? "The API key is not valid: it is unknown, revoked or mistyped. Ask a desk administrator for a new key."
      : "Send an API key: Authorization: Bearer asd_<prefix>_<secret>.",
    headers: { "www-authenticate": presented ? `${REALM}, error="invalid_token"` : REALM },
  });
}

/** The 403 to answer when the key lacks the scope, or null when it has it. */
export function missingScope(key: AuthenticatedApiKey, scope: ApiScope): Response | null {
  if (key.scopes.includes(scope)) return null;
  const label = scopeLabel(scope);
  return problem({
    status: 403,
    code: "insufficient_scope",
    title: "Forbidden",
    detail: `This API key does not have the ${label} scope.`,
    headers: { "www-authenticate": `${REALM}, error="insufficient_scope", scope="${label}"` },
  });
}
