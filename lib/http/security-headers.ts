// The response headers that make the browser enforce our security boundaries (ASVS V14.4).
//
// Two Content Security Policies, chosen by path in proxy.ts:
// - pages rendered per request (the console, staff set-up and token links, the scam-report form)
//   get a fresh nonce and 'strict-dynamic': only scripts Next marks with this request's nonce, and
//   scripts they load, may run, so injected markup cannot run script even if escaping ever failed;
// - the help center is generated at build time and served as the same file to everyone, so it
//   cannot carry a per-request nonce. Its policy allows same-origin scripts and Next's inline
//   bootstrap ('unsafe-inline'); that is acceptable because those pages hold no user-controlled data
//   (articles come from the repository; the search query is rendered by React as text).
// Everything else is shared: no plugins, no <base>, no framing, forms post only to us, and the
// page talks to no other origin.
//
// Pure functions with no Next imports, so proxy.ts and the tests use them; the headers every
// response carries are in common-headers.mjs, which next.config.mjs loads.

/** Paths whose pages render per request and therefore get the nonce policy. */
const NONCE_PATH_PREFIXES = ["/console", "/setup", "/invite", "/not-me", "/report"] as const;

export function usesNoncePolicy(pathname: string): boolean {
  return NONCE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

type PolicyOptions = { development: boolean };

function sharedDirectives({ development }: PolicyOptions): string[] {
  return [
    "default-src 'self'",
    // Inline style attributes are common in React components and cannot carry a nonce; styles
    // cannot run script, so this stays allowed.
    "style-src 'self' 'unsafe-inline'",
    // The TOTP enrolment QR code is a data: URL.
    "img-src 'self' data:",
    "font-src 'self'",
    // Next's dev server pushes updates over a WebSocket.
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
}

/** React in development evaluates code for its error overlay; production never needs eval. */
function evalSource({ development }: PolicyOptions): string[] {
  return development ? ["'unsafe-eval'"] : [];
}

export function noncePolicy(nonce: string, options: PolicyOptions): string {
  const script = ["script-src", `'nonce-${nonce}'`, "'strict-dynamic'", ...evalSource(options)].join(" ");
  return [script, ...sharedDirectives(options)].join("; ");
}

export function staticPolicy(options: PolicyOptions): string {
  const script = ["script-src", "'self'", "'unsafe-inline'", ...evalSource(options)].join(" ");
  return [script, ...sharedDirectives(options)].join("; ");
}

/** 128 bits from the platform's CSPRNG, base64 as CSP's nonce-source grammar allows. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export { commonSecurityHeaders } from "./common-headers.mjs";
