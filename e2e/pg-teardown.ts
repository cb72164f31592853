// Drops the PostgreSQL e2e database after the run (playwright.config.ts names it).
import { dropDatabase } from "../scripts/db/pg-admin";

export default async function teardown() {
  const admin = process.env.TEST_POSTGRES_URL?.trim();
  const name = process.env.E2E_PG_DATABASE;
  if (admin && name) await dropDatabase(admin, name);
}
