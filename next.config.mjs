// Plain config on purpose: contentlayer2's plugin does not run under Turbopack, so content is
// built by `contentlayer2 build` before `next build` (see package.json). Node loads this file
// without compiling TypeScript, so it imports only plain JavaScript.
import { commonSecurityHeaders } from "./lib/http/common-headers.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for staff who lack a permission.
  // globalNotFound: an address no route matches gets app/global-not-found.tsx, which Next renders
  // only then, instead of a root not-found that it renders into every page as a fallback.
  experimental: { authInterrupts: true, globalNotFound: true },
  // The script-free help pages' browser bundles are compiled but never sent (decision 009); the
  // server modules they reach need node:net, which has no browser build.
  turbopack: { resolveAlias: { "node:net": { browser: "./lib/http/node-net-browser-stub.mjs" } } },
  // The headers every response carries; the Content Security Policy is set per page by proxy.ts.
  // NODE_ENV is read here directly: the config runs before the app (and lib/env.ts) exists.
  headers: () =>
    Promise.resolve([
      {
        source: "/:path*",
        headers: commonSecurityHeaders({ production: process.env.NODE_ENV === "production" }),
      },
    ]),
};

export default nextConfig;
