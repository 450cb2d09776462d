// Stand-in for the `server-only` package under Vitest (aliased in vitest.config.ts). The real one
// throws when imported outside React server components, and tests import the data layer directly.
export {};
