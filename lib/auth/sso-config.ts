// Single sign-on settings (SSO_* in lib/env.ts), read in one place. Null when SSO is not set up:
// the sign-in page then shows no "Sign in with …" button and next-auth has no OIDC provider.
import "server-only";
import { env } from "@/lib/env";
import { brand } from "@/lib/content/brand";
import type { Role } from "./permissions";
import { parseRoleGroups, type RoleGroups } from "./sso-role-groups";

export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** “Sign in with <name>”. */
  name: string;
  requireMfa: boolean;
  mfaAcrValues: readonly string[];
  roleGroups: RoleGroups | null;
  allowedDomains: readonly string[];
  defaultRole: Role | null;
};

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function ssoSettings(): SsoSettings | null {
  const values = env();
  if (!values.SSO_ISSUER || !values.SSO_CLIENT_ID || !values.SSO_CLIENT_SECRET) return null;
  return {
    // Issuers are compared exactly with the ID token's `iss`, which never has a trailing slash
    // unless the issuer itself has one; keep what was configured.
    issuer: values.SSO_ISSUER,
    clientId: values.SSO_CLIENT_ID,
    clientSecret: values.SSO_CLIENT_SECRET,
    name: values.SSO_NAME ?? brand.companyName,
    requireMfa: values.SSO_REQUIRE_MFA === "1",
    mfaAcrValues: list(values.SSO_MFA_ACR_VALUES),
    roleGroups: values.SSO_ROLE_GROUPS ? parseRoleGroups(values.SSO_ROLE_GROUPS) : null,
    allowedDomains: list(values.SSO_ALLOWED_DOMAINS).map((domain) => domain.toLowerCase()),
    defaultRole: values.SSO_DEFAULT_ROLE ?? null,
  };
}

/** The name on the single sign-on button, or null when SSO is not set up. */
export function ssoDisplayName(): string | null {
  return ssoSettings()?.name ?? null;
}
