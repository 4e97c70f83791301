import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`; migrations are applied by
// lib/db/migrate.ts. The URL is read lazily so generation needs no database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
