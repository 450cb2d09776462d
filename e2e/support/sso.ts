// The suite's single sign-on set-up, shared by playwright.config.ts (the desk's SSO_* variables)
// and e2e/sso.spec.ts (which starts the identity provider itself, e2e/support/oidc-idp.ts).
export const IDP_PORT = Number(process.env.E2E_PORT ?? 3100) + 30;
export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;
export const IDP_CLIENT_ID = "account-security-desk";
export const IDP_CLIENT_SECRET = "e2e-client-secret-not-for-production";
export const IDP_NAME = "Northwind Workforce";
export const IDP_ROLE_GROUPS = "ADMIN=desk-admins,SUPERVISOR=desk-supervisors,AGENT=desk-agents";

/** What the desk under test is configured with. */
export const SSO_ENV = {
  SSO_ISSUER: IDP_ISSUER,
  SSO_CLIENT_ID: IDP_CLIENT_ID,
  SSO_CLIENT_SECRET: IDP_CLIENT_SECRET,
  SSO_NAME: IDP_NAME,
  SSO_ROLE_GROUPS: IDP_ROLE_GROUPS,
};
