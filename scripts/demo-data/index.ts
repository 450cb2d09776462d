// Entry point of the demo data generator (used by scripts/launch.ts and scripts/db-seed.ts).
export {
  CUSTOMERS_PER_CHUNK,
  DEFAULT_ATTEMPTS_PER_CUSTOMER,
  DEFAULT_SEED,
  DemoDataRefusedError,
  seedDemoData,
  type SeedOptions,
  type SeedReport,
} from "./seed-demo-data";
