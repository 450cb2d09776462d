// Every environment variable the app reads, declared, documented and parsed here once; nothing else
// in app/, components/ or lib/ reads process.env (a structure test checks). README's configuration
// table lists exactly the variables documented here (a test checks that too).
//
// Development has a default for everything (the launcher generates secrets into .data/). A
// production server (NODE_ENV=production, not while `next build` runs) refuses to start without
// its public address and secrets, and says in one line per problem which variable is wrong.
//
// Not for the browser: client components get what they need as props from server components.
import { z } from "zod";
import { parseProxyTrust } from "@/lib/http/client-address";
import { parseRoleGroups } from "@/lib/auth/sso-role-groups";

const flag = z.enum(["0", "1"]);
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** What README says of a variable; internal ones are set by Node or Next, not by whoever deploys the desk. */
type Doc = { description: string; internal?: boolean };
const doc = (description: string, internal = false): Doc => ({ description, internal });

const schema = z.object({
  NODE_ENV: z
    .enum(["development", "test", "production"])
    .default("development")
    .meta(doc("Set by Next and the npm scripts.", true)),
  NEXT_PHASE: z
    .string()
    .optional()
    .meta(doc("Set by Next: phase-production-build while `next build` runs.", true)),
  NEXT_RUNTIME: z.enum(["nodejs", "edge"]).optional().meta(doc("Set by Next in server processes.", true)),
  DESK_DEMO: flag
    .optional()
    .meta(
      doc("Set by `npm run demo`: a production build with the published demo accounts, on 127.0.0.1.", true),
    ),

  DATABASE_URL: z
    .url({ error: "DATABASE_URL must be a postgresql:// URL" })
    .optional()
    .meta(doc("PostgreSQL 14+ connection string. When set, nothing embedded is started.")),
  DATABASE_POOL_SIZE: count(1, 500).default(10).meta(doc("Connections per app process.")),
  DATABASE_BULK_POOL_SIZE: count(1, 100)
    .default(4)
    .meta(doc("Extra connections per app process for bulk event ingest.")),
  DATABASE_PREPARED_STATEMENTS: flag
    .default("1")
    .meta(
      doc(
        "`1`: each statement is prepared once per connection and its plan kept. `0`: planned on every call (for PgBouncer in transaction mode before 1.21).",
      ),
    ),
  SKIP_MIGRATIONS: flag
    .optional()
    .meta(doc("`1`: do not migrate on start (when a deploy step runs `npm run db:migrate`).")),

  APP_URL: z
    .url({ error: "APP_URL must be an absolute URL such as https://help.example.com" })
    .optional()
    .meta(
      doc(
        "Public base URL: canonical links, sitemap, links in notifications, sign-out; next-auth's NEXTAUTH_URL is derived from it.",
      ),
    ),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters (32+ random bytes)")
    .optional()
    .meta(doc("Signs staff session tokens and customer links. Required in production (32+ random bytes).")),
  TOTP_ENCRYPTION_KEYS: z
    .string()
    .min(1)
    .optional()
    .meta(
      doc(
        "`keyId:base64(32 bytes)[,older...]`: AES-256-GCM keys for secrets at rest (staff TOTP, integration signing secrets). The first encrypts; all decrypt (rotation).",
      ),
    ),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .optional()
    .meta(
      doc("32 random bytes, base64. Set it for `npm run build` and on every instance (read by Next itself)."),
    ),

  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((value, context) => {
      try {
        parseProxyTrust(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      }
    })
    .meta(
      doc(
        "Who may say where a request came from: unset = nobody (the socket's peer is the client), `N` = the N nearest hops are your proxies, or a list of CIDR ranges.",
      ),
    ),
  CONSOLE_CONCURRENCY: count(0, 1_000)
    .default(8)
    .meta(
      doc(
        "Console requests rendered at once per app process; the rest wait their turn (help pages, files and the API never wait). `0`: no limit.",
      ),
    ),
  SIGN_IN_IP_LIMIT: count(1, 1_000_000)
    .default(30)
    .meta(
      doc(
        "Staff sign-in attempts per client address per 15 minutes (raise it for offices behind one NAT address).",
      ),
    ),
  INGEST_RATE_LIMIT_PER_MINUTE: count(1, 100_000_000)
    .default(3_000)
    .meta(doc("Events per minute one API key may send.")),

  SMTP_URL: z
    .url()
    .optional()
    .meta(doc("`smtp://user:pass@host:port` for customer notifications; unset = outbox page only.")),
  MAIL_FROM: z
    .string()
    .min(3)
    .default("Account Security <security@desk.example>")
    .meta(doc("Sender of notifications.")),
  NOTIFICATIONS_WORKER: flag
    .default("1")
    .meta(
      doc("`0` turns off the background queues (notifications, identity-system deliveries) in this process."),
    ),
  NOTIFICATIONS_INTERVAL_MS: count(100, 3_600_000)
    .default(5_000)
    .meta(doc("How often the outbox worker looks for due messages.")),

  DELIVERY_INTERVAL_MS: count(50, 3_600_000)
    .default(500)
    .meta(doc("How often the delivery worker looks for account actions due to an identity system.")),
  SSF_SIGNING_KEY: z
    .string()
    .optional()
    .superRefine((value, context) => {
      if (value === undefined) return;
      try {
        const key = JSON.parse(value) as { kty?: string; crv?: string; d?: string };
        if (key.kty !== "EC" || key.crv !== "P-256" || !key.d) throw new Error();
      } catch {
        context.addIssue({
          code: "custom",
          message: "SSF_SIGNING_KEY must be a private EC P-256 key as a JWK (JSON)",
        });
      }
    })
    .meta(
      doc(
        "Private EC P-256 JWK that signs Security Event Tokens for OpenID Shared Signals endpoints; its public half is published at /.well-known/jwks.json. Unset: SSF endpoints cannot be added.",
      ),
    ),
  INTEGRATIONS_ALLOW_PRIVATE_NETWORK: flag
    .optional()
    .meta(
      doc(
        "`1`: identity-system endpoints may use http:// and loopback or private addresses. On by default in development; a production server accepts it only with `npm run demo`.",
      ),
    ),

  SSO_ISSUER: z
    .url({
      error: "SSO_ISSUER must be the identity provider's issuer URL, such as https://login.example.com",
    })
    .optional()
    .meta(
      doc(
        "OpenID Connect issuer of the company's identity provider (its /.well-known/openid-configuration is read). With `SSO_CLIENT_ID` and `SSO_CLIENT_SECRET`, the sign-in page offers single sign-on.",
      ),
    ),
  SSO_CLIENT_ID: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta(doc("The desk's client id at the identity provider.")),
  SSO_CLIENT_SECRET: z
    .string()
    .min(1)
    .optional()
    .meta(doc("The desk's client secret at the identity provider (client_secret_basic).")),
  SSO_NAME: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .meta(doc("The provider's name on the button, “Sign in with …”. Default: the company's name.")),
  SSO_REQUIRE_MFA: flag
    .default("1")
    .meta(
      doc(
        "`1`: refuse a single sign-on unless the ID token says the provider used more than one factor (`amr` contains `mfa`, or `acr` is one of `SSO_MFA_ACR_VALUES`).",
      ),
    ),
  SSO_MFA_ACR_VALUES: z
    .string()
    .optional()
    .meta(doc("Comma-separated `acr` values that also count as multi-factor, e.g. `phr,phrh`.")),
  SSO_ROLE_GROUPS: z
    .string()
    .optional()
    .superRefine((value, context) => {
      if (value !== undefined && parseRoleGroups(value) === null) {
        context.addIssue({
          code: "custom",
          message:
            "SSO_ROLE_GROUPS must look like ADMIN=desk-admins,SUPERVISOR=desk-supervisors,AGENT=desk-agents",
        });
      }
    })
    .meta(
      doc(
        "Role from the ID token's `groups` claim, e.g. `ADMIN=desk-admins,SUPERVISOR=desk-supervisors,AGENT=desk-agents`; the highest match wins and is kept in step at every sign-on. Set: someone in none of the groups is refused.",
      ),
    ),
  SSO_ALLOWED_DOMAINS: z
    .string()
    .optional()
    .meta(
      doc(
        "Comma-separated email domains whose people may get a desk account at their first single sign-on without an invitation (with a role from `SSO_ROLE_GROUPS` or `SSO_DEFAULT_ROLE`). Unset: only existing and invited staff.",
      ),
    ),
  SSO_DEFAULT_ROLE: z
    .enum(["AGENT", "SUPERVISOR", "ADMIN"])
    .optional()
    .meta(doc("Role of an account created at single sign-on when no group names one.")),

  SEED_DEMO_DATA: flag
    .optional()
    .meta(doc("`0` starts the development database empty (first-run setup at `/setup`).")),
  DEMO_CUSTOMERS: count(0, 10_000_000)
    .default(2_000)
    .meta(doc("Customers in the demo data written on first start.")),
  LOGIN_EVENT_RETENTION_DAYS: count(1, 36_500)
    .default(400)
    .meta(doc("Default period of `npm run db:prune-events`.")),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info").meta(doc("Log verbosity.")),
  SCAM_WATCHLIST_MIN_REPORTS: count(2, 1_000)
    .default(3)
    .meta(
      doc("A caller's number joins the scam watchlist after this many reports within `SCAM_WATCHLIST_DAYS`."),
    ),
  SCAM_WATCHLIST_DAYS: count(1, 3_650).default(90).meta(doc("The watchlist's period.")),
  CALLER_VERIFICATION_REQUIRED: flag
    .default("1")
    .meta(
      doc(
        "`1`: a 2FA reset without the customer's own confirmation (a caller-verification request they answered yes) needs a supervisor's approval whatever the risk. `0`: an agent's callback on a trusted number is enough on a low-risk account.",
      ),
    ),
  RISK_WINDOW_DAYS: count(1, 365)
    .default(30)
    .meta(
      doc(
        "Days of activity the risk signals read, and how long a changed email or phone stays untrusted for recovery.",
      ),
    ),

  BRAND_COMPANY_NAME: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta(doc("The company's name in the help center and notifications (build time).")),
  BRAND_APP_NAME: z.string().trim().min(1).optional().meta(doc("The name of the company's app.")),
  BRAND_SUPPORT_PHONE: z
    .string()
    .trim()
    .min(3)
    .optional()
    .meta(doc("The support number as readers see it, e.g. `+44 20 7946 0321`.")),
  BRAND_OFFICIAL_DOMAINS: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta(doc("Comma-separated official web domains; the first is the main website.")),
  BRAND_OFFICIAL_EMAIL_DOMAINS: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta(doc("Comma-separated domains the company's email comes from (default: the web domains).")),
  BRAND_SECURITY_PAGE_URL: z.url().optional().meta(doc("The company's own security page.")),
  BRAND_HELP_CENTER_NAME: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta(doc("Name of the help center (default: company name + Help).")),

  TEST_DATABASE_URL: z
    .url()
    .optional()
    .meta(
      doc(
        "Tests only: run the Vitest suite against this server (creates and drops its own databases) instead of a throwaway embedded one. Must be local unless `TEST_DATABASE_ALLOW_REMOTE=1`.",
      ),
    ),
  TEST_DATABASE_ALLOW_REMOTE: flag.optional().meta(doc("Tests only: allow a non-local `TEST_DATABASE_URL`.")),
});

export type Env = z.output<typeof schema>;

/** What a production server cannot run without. */
const PRODUCTION_REQUIRED = ["APP_URL", "NEXTAUTH_SECRET", "TOTP_ENCRYPTION_KEYS"] as const;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses a whole environment; throws an EnvError with one line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means unset (shells and .env files write `NAME=` for "nothing").
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = schema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  if (parsed.success && isProductionServer(parsed.data)) {
    for (const name of PRODUCTION_REQUIRED)
      if (!parsed.data[name]) problems.push(`${name}: required when NODE_ENV=production`);
    if (parsed.data.INTEGRATIONS_ALLOW_PRIVATE_NETWORK === "1" && parsed.data.DESK_DEMO !== "1")
      problems.push(
        "INTEGRATIONS_ALLOW_PRIVATE_NETWORK: must not be 1 in production (endpoints must be public https URLs)",
      );
  }
  if (parsed.success) problems.push(...ssoProblems(parsed.data));
  if (problems.length > 0 || !parsed.success)
    throw new EnvError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return parsed.data;
}

/** Single sign-on is configured whole or not at all; in production it talks to the IdP over https. */
function ssoProblems(values: Env): string[] {
  const parts = [values.SSO_ISSUER, values.SSO_CLIENT_ID, values.SSO_CLIENT_SECRET];
  const set = parts.filter((part) => part !== undefined).length;
  if (set === 0) return [];
  if (set < parts.length)
    return ["SSO_ISSUER, SSO_CLIENT_ID and SSO_CLIENT_SECRET: set all three for single sign-on, or none"];
  if (isProductionServer(values) && values.DESK_DEMO !== "1" && !values.SSO_ISSUER?.startsWith("https://"))
    return ["SSO_ISSUER: must be an https:// URL in production"];
  return [];
}

function isProductionServer(values: Env): boolean {
  return values.NODE_ENV === "production" && values.NEXT_PHASE !== "phase-production-build";
}

let cached: Env | undefined;

/** The app's parsed environment (cached; tests that change variables call refreshEnv()). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function refreshEnv(): Env {
  cached = undefined;
  return env();
}

/** A secret the process cannot work without, or a clear error naming it. */
export function requiredEnv(name: "DATABASE_URL" | "NEXTAUTH_SECRET" | "TOTP_ENCRYPTION_KEYS"): string {
  const value = env()[name];
  if (!value)
    throw new EnvError(
      `${name} is not set. Start the app with \`npm run dev\` or \`npm start\`, which provide one in development.`,
    );
  return value;
}

/** The public base URL without a trailing slash (http://localhost:3000 in development). */
export function appUrl(source: Env = env()): string {
  return (source.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * Whether identity-system endpoints may be plain http or resolve to loopback and private addresses:
 * yes in development and tests, in production only for the demo (which runs on 127.0.0.1).
 */
export function privateNetworkAllowed(source: Env = env()): boolean {
  return source.NODE_ENV !== "production" || source.INTEGRATIONS_ALLOW_PRIVATE_NETWORK === "1";
}

/** The documentation of every variable, for README's table (and the test that checks it). */
export function documentedVariables(): { name: string; description: string; internal: boolean }[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description = "", internal = false } = (field.meta() ?? {}) as Partial<Doc>;
    return { name, description, internal };
  });
}
