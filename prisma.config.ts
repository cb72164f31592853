// Used by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` on machines that can
// fetch Prisma's schema engine). DATABASE_URL picks the engine's model and migrations folder:
// a postgres:// URL uses the generated PostgreSQL copy of the model (npm install writes it).
// The app itself migrates through scripts/db/migrate.ts.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL?.trim() || "file:./data/trickdeck.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "generated/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/migrations-postgres" : "prisma/migrations" },
  datasource: { url },
});
