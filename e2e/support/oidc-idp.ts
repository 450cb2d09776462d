// The end-to-end suite's company identity provider: a real OpenID Connect provider (oidc-provider)
// that the desk's "Sign in with SSO" button talks to, so the specs exercise the genuine
// authorization-code + PKCE + nonce flow, ID-token signature checks and re-authentication
// (prompt=login / max_age=0) instead of a mock that would agree with whatever the desk expects.
//
// It serves one confidential client, a tiny "Company sign-in" page where the tester types a login,
// and automatic consent. Everything lives in memory and disappears with close().
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { exportJWK, generateKeyPair, type JWK } from "jose";
// @ts-expect-error -- oidc-provider v9 ships no type declarations; the part used here is typed below.
import Provider from "oidc-provider";

export type IdpAccount = {
  login: string; // what the tester types on the IdP's sign-in page
  email: string;
  emailVerified: boolean;
  name: string;
  groups: string[];
  amr: string[]; // e.g. ["pwd","mfa"] or ["pwd"]
  acr?: string;
};

export type TestIdp = {
  issuer: string; // e.g. "http://127.0.0.1:3130" (no trailing slash)
  /** While on, the ID tokens are signed with a key the IdP does not publish (a tampered/forged token). */
  setForgedSignatures(on: boolean): void;
  close(): Promise<void>;
};

// The slice of oidc-provider's API this module uses (see node_modules/oidc-provider/lib/provider.js).
type Interaction = {
  uid: string;
  prompt: { name: string; reasons: string[]; details: PromptDetails };
  params: { client_id?: unknown; scope?: unknown };
  session?: { accountId: string };
  grantId?: string;
};
type PromptDetails = {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
};
type LoginResult = { login: { accountId: string; amr: string[]; acr?: string } };
type ConsentResult = { consent: { grantId: string } };
type Grant = {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
};
type OidcProvider = {
  callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
  interactionFinished(
    request: IncomingMessage,
    response: ServerResponse,
    result: LoginResult | ConsentResult,
  ): Promise<void>;
  pathFor(route: "jwks"): string;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(grantId: string): Promise<Grant | undefined>;
  };
  on(event: "server_error", listener: (ctx: unknown, error: Error) => void): void;
};
type ErrorPageContext = { type: string; body: string };
const OidcProvider = Provider as unknown as new (issuer: string, configuration: object) => OidcProvider;

const SIGNING_ALG = "RS256";
const SIGNING_KID = "test-idp-signing-key";

/** A public JWK set for the signing key, and the private JWK oidc-provider signs with. */
async function signingKey(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const meta = { kid: SIGNING_KID, alg: SIGNING_ALG, use: "sig" };
  return {
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    publicJwk: { ...(await exportJWK(publicKey)), ...meta },
  };
}

export async function startTestIdp(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[]; // e.g. ["http://127.0.0.1:3100/api/auth/callback/sso"]
  accounts: IdpAccount[];
}): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const accounts = new Map(options.accounts.map((account) => [account.login, account]));
  const real = await signingKey();
  // Same kid and alg as the real key, so the relying party picks it and fails on the signature
  // itself, exactly as it would for a token someone altered or signed with their own key.
  const forged = await signingKey();
  let forgedSignatures = false;

  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        // "web" clients may use http redirect URIs (only implicit-flow clients are held to https),
        // so http://127.0.0.1 callbacks are accepted as they are.
        application_type: "web",
        id_token_signed_response_alg: SIGNING_ALG,
      },
    ],
    responseTypes: ["code"],
    // PKCE: oidc-provider requires it only from public clients; a confidential client may send an
    // S256 code_challenge (then it is enforced at the token endpoint) or leave it out.
    scopes: ["openid", "email", "profile", "groups"],
    claims: {
      // Listed under openid so every ID token carries how and when the person signed in; the
      // desk's sign-in policy reads amr/acr, and auth_time proves a forced re-authentication.
      openid: ["sub", "auth_time", "acr", "amr"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    // Only advertised in discovery (acr_values_supported); the acr reaches the ID token through the
    // openid claims above.
    acrValues: [...new Set(options.accounts.flatMap((account) => (account.acr ? [account.acr] : [])))],
    // The desk reads the ID token, not userinfo, so the scope claims must be in the ID token.
    conformIdTokenClaims: false,
    jwks: { keys: [real.privateJwk] },
    cookies: { keys: [randomBytes(32).toString("hex"), randomBytes(32).toString("hex")] },
    features: { devInteractions: { enabled: false } },
    // Explicit values (the defaults) so oidc-provider does not print a notice for each.
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 86400,
      Grant: 86400,
    },
    // The desk calls the IdP from its server, never from a browser, so no CORS is needed.
    clientBasedCORS: () => false,
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        // oidc-provider keeps only the claims the granted scopes allow.
        claims: () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
          groups: account.groups,
        }),
      };
    },
    renderError: (ctx: ErrorPageContext, out: Record<string, string>) => {
      ctx.type = "html";
      ctx.body = page(
        "Sign-in error",
        Object.entries(out)
          .map(([key, value]) => `<p>${escapeHtml(key)}: ${escapeHtml(value)}</p>`)
          .join(""),
      );
    },
  });
  // Unexpected failures inside the IdP would otherwise only show up as a vague 500 in a spec.
  provider.on("server_error", (_ctx, error) => console.error("test IdP server error:", error));

  const jwksPath = provider.pathFor("jwks");
  const oidc = provider.callback();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    let handled: Promise<void>;
    if (forgedSignatures && request.method === "GET" && url.pathname === jwksPath) {
      // Tokens are still signed with the real key; publishing another key in its place makes every
      // signature the relying party checks from now on one the IdP's published keys did not make.
      response.setHeader("Content-Type", "application/jwk-set+json");
      response.end(JSON.stringify({ keys: [forged.publicJwk] }));
      return;
    } else if (interaction && request.method === "GET" && !interaction[2]) {
      handled = showInteraction(request, response);
    } else if (interaction && request.method === "POST" && interaction[2]) {
      handled = submitLogin(request, response);
    } else {
      handled = oidc(request, response);
    }
    handled.catch((error: unknown) => {
      // Mostly a missing or expired interaction cookie: say so instead of hanging the browser.
      if (!response.headersSent) response.writeHead(400, { "Content-Type": "text/plain" });
      response.end(`test IdP: ${describe(error)}`);
    });
  });

  async function showInteraction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === "consent") {
      // Consent is not what the specs test: grant it at once, so signing in is a single form.
      const grantId = await grantConsent(details);
      return provider.interactionFinished(request, response, { consent: { grantId } });
    }
    sendHtml(response, loginPage(details.uid));
  }

  async function submitLogin(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const login = new URLSearchParams(await readBody(request)).get("login")?.trim() ?? "";
    const account = accounts.get(login);
    if (!account) return sendHtml(response, loginPage(details.uid, "Unknown user"));
    const result: LoginResult = {
      login: { accountId: account.login, amr: account.amr, ...(account.acr ? { acr: account.acr } : {}) },
    };
    return provider.interactionFinished(request, response, result);
  }

  async function grantConsent(details: Interaction): Promise<string> {
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id;
    if (!accountId || typeof clientId !== "string") throw new Error("consent without a signed-in account");
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(" "));
    }
    return grant.save();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });

  return {
    issuer,
    setForgedSignatures(on) {
      forgedSignatures = on;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers and fetch keep connections alive; without this close() would wait for them.
        server.closeAllConnections();
      });
    },
  };
}

function loginPage(uid: string, error?: string): string {
  return page(
    "Company sign-in",
    `<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
      ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
      <label for="login">Username</label>
      <input id="login" name="login" type="text" autocomplete="username" autofocus required>
      <button type="submit">Continue</button>
    </form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  response.end(html);
}

/** oidc-provider's errors carry the useful part in error_description (message is just the code). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const description = (error as { error_description?: unknown }).error_description;
  return typeof description === "string" ? `${error.message}: ${description}` : error.message;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
