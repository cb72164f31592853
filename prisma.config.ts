// Used by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` on machines that can
// fetch Prisma's schema engine). The app itself migrates through scripts/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/trickdeck.db" },
});
