// Plain config on purpose: contentlayer2's plugin does not run under Turbopack, so content is
// built by `contentlayer2 build` before `next build` (see package.json).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) as its own step; doing it again
  // inside every build only slows the build.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a 403 for staff who lack a permission.
  experimental: { authInterrupts: true },
};

export default nextConfig;
