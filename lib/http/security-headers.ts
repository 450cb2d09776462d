// The response headers that make the browser enforce our security boundaries (ASVS V14.4).
//
// Two Content Security Policies, chosen by path in proxy.ts:
// - pages rendered per request (the console, staff set-up and token links, the scam-report form)
//   get a fresh nonce and 'strict-dynamic': only scripts Next marks with this request's nonce, and
//   scripts they load, may run, so injected markup cannot run script even if escaping ever failed;
// - the help center (pages/, docs/decisions/009) sends no framework JavaScript and no inline
//   script: its one script is a same-origin file. Its pages are generated at build time and served
//   as the same file to everyone, so they carry no nonce; the policy allows same-origin scripts and
//   this request's nonce, never 'unsafe-inline'. The nonce is for the App Router pages that answer
//   at these addresses (the 404 page, rendered per request, whose bootstrap scripts Next marks with
//   it). JSON-LD blocks are data, not script, and need no permission. Development keeps
//   'unsafe-inline': Next's dev server ships the full runtime to every page.
// Everything else is shared: no plugins, no <base>, no framing, forms post only to us, and the
// page talks to no other origin.
//
// Pure functions with no Next imports, so proxy.ts and the tests use them; the headers every
// response carries are in common-headers.mjs, which next.config.mjs loads.

/** Paths whose pages render per request and therefore get the nonce policy. */
const NONCE_PATH_PREFIXES = [
  "/console",
  "/setup",
  "/invite",
  "/not-me",
  "/verify",
  "/report",
  // The feedback result page is an App Router page rendered per request (it reads its query).
  "/help/feedback",
] as const;

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

export function staticPolicy(nonce: string, options: PolicyOptions): string {
  const inline = options.development ? ["'unsafe-inline'"] : [];
  const script = ["script-src", "'self'", `'nonce-${nonce}'`, ...inline, ...evalSource(options)].join(" ");
  return [script, ...sharedDirectives(options)].join("; ");
}

/** 128 bits from the platform's CSPRNG, base64 as CSP's nonce-source grammar allows. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export { commonSecurityHeaders } from "./common-headers.mjs";
