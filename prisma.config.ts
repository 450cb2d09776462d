import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env file. `prisma generate` needs no database, so a placeholder URL is
// enough when DATABASE_URL is unset; the app itself always passes a real URL to the adapter.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://unused@localhost:5432/unused",
  },
});
