// A migrated test database holding the two-trick fixture catalogue and two users.
import { expect } from "vitest";
import type { Engine } from "@/prisma/database-url";
import { parseCatalogue } from "@/lib/content/parse";
import { syncContent } from "@/prisma/sync-content";
import { categoriesFile, trickFile } from "./content-fixtures";
import { createTestDb, type TestDb } from "./test-db";

export async function twoUserDb(engine?: Engine): Promise<{ t: TestDb; alice: string; bob: string }> {
  const t = await createTestDb(engine);
  const { catalogue, errors } = parseCatalogue(categoriesFile, [trickFile(), trickFile({ slug: "second-trick", category: "training" })]);
  expect(errors).toEqual([]);
  await syncContent(t.db, catalogue!);
  const alice = (await t.db.user.create({ data: { email: "alice@example.com" } })).id;
  const bob = (await t.db.user.create({ data: { email: "bob@example.com" } })).id;
  return { t, alice, bob };
}
