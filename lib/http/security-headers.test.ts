import { describe, expect, it } from "vitest";
import {
  commonSecurityHeaders,
  newNonce,
  noncePolicy,
  staticPolicy,
  usesNoncePolicy,
} from "./security-headers";

function directive(policy: string, name: string): string | undefined {
  return policy
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.slice(name.length + 1);
}

describe("Content Security Policy", () => {
  it("gives the nonce policy to pages rendered per request and the static one to the help center", () => {
    for (const path of [
      "/console",
      "/console/customers/abc",
      "/console/sign-in",
      "/setup",
      "/invite/t",
      "/not-me/t",
      "/verify/t",
      "/report",
      "/report/sent",
      "/help/feedback",
    ]) {
      expect(usesNoncePolicy(path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/help/backup-codes",
      "/search",
      "/help/troubleshooter",
      "/consoles",
      "/reporting",
      "/setup-guide",
    ]) {
      expect(usesNoncePolicy(path), path).toBe(false);
    }
  });

  it("lets only this request's nonce start scripts on dynamic pages", () => {
    const policy = noncePolicy("abc123==", { development: false });
    expect(directive(policy, "script-src")).toBe("'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("closes plugins, base tags, framing and foreign form targets in both policies", () => {
    for (const policy of [
      noncePolicy("n", { development: false }),
      staticPolicy("n", { development: false }),
    ]) {
      expect(directive(policy, "object-src")).toBe("'none'");
      expect(directive(policy, "base-uri")).toBe("'none'");
      expect(directive(policy, "frame-ancestors")).toBe("'none'");
      expect(directive(policy, "form-action")).toBe("'self'");
      expect(directive(policy, "connect-src")).toBe("'self'");
    }
  });

  it("allows no inline script on the help center in production", () => {
    expect(directive(staticPolicy("abc==", { development: false }), "script-src")).toBe(
      "'self' 'nonce-abc=='",
    );
  });

  it("allows eval and the dev server's WebSocket only in development", () => {
    expect(directive(staticPolicy("n", { development: true }), "script-src")).toBe(
      "'self' 'nonce-n' 'unsafe-inline' 'unsafe-eval'",
    );
    expect(directive(noncePolicy("n", { development: true }), "connect-src")).toBe("'self' ws:");
    expect(staticPolicy("n", { development: false })).not.toContain("ws:");
  });

  it("makes a different 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("common headers", () => {
  it("sends HSTS for a year in production only", () => {
    const production = Object.fromEntries(
      commonSecurityHeaders({ production: true }).map(({ key, value }) => [key, value]),
    );
    expect(production["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(production["X-Content-Type-Options"]).toBe("nosniff");
    expect(production["Referrer-Policy"]).toBe("same-origin");
    const development = commonSecurityHeaders({ production: false }).map(({ key }) => key);
    expect(development).not.toContain("Strict-Transport-Security");
  });
});
