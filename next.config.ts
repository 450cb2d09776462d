// Plain config on purpose: contentlayer2's plugin does not run under Turbopack, so content is
// built by `contentlayer2 build` before `next build` (see package.json).
import type { NextConfig } from "next";
import { commonSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) as its own step; doing it again
  // inside every build only slows the build.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a 403 for staff who lack a permission.
  experimental: { authInterrupts: true },
  // The headers every response carries; the Content Security Policy is set per page by proxy.ts.
  headers: () =>
    Promise.resolve([{ source: "/:path*", headers: commonSecurityHeaders({ production: process.env.NODE_ENV === "production" }) }]),
};

export default nextConfig;
