// Every environment variable the app reads, parsed once. Secrets are required in production; the
// launcher (scripts/launch.ts) generates development values into .data/ so `npm run dev` needs none.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  /** Public base URL of the site: canonical links, sitemap, links in notifications. */
  APP_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  TOTP_ENCRYPTION_KEYS: z.string().min(1),
  /** smtp://user:pass@host:port; unset in development, where mail goes to the outbox page. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("Account Security <security@desk.example>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** A caller's number joins the scam watchlist once this many reports name it within SCAM_WATCHLIST_DAYS. */
  SCAM_WATCHLIST_MIN_REPORTS: z.coerce.number().int().min(2).max(1_000).default(3),
  SCAM_WATCHLIST_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Parsed environment; throws one readable error listing every missing or invalid variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
