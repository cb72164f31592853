-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trickSlug" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "catalogueOrder" INTEGER NOT NULL DEFAULT 0,
    "contentHash" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Card_trickSlug_fkey" FOREIGN KEY ("trickSlug") REFERENCES "Trick" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("answer", "archivedAt", "contentHash", "createdAt", "id", "key", "kind", "position", "prompt", "trickSlug", "updatedAt") SELECT "answer", "archivedAt", "contentHash", "createdAt", "id", "key", "kind", "position", "prompt", "trickSlug", "updatedAt" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_archivedAt_trickSlug_position_idx" ON "Card"("archivedAt", "trickSlug", "position");
CREATE INDEX "Card_catalogueOrder_archivedAt_idx" ON "Card"("catalogueOrder", "archivedAt");
CREATE UNIQUE INDEX "Card_trickSlug_key_key" ON "Card"("trickSlug", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: each live card's rank in catalogue order (content sync keeps it up to date afterwards)
UPDATE "Card" SET "catalogueOrder" = "ranked"."rank"
FROM (
  SELECT c."id", ROW_NUMBER() OVER (ORDER BY g."position", t."position", c."position", c."id") AS "rank"
  FROM "Card" c JOIN "Trick" t ON t."slug" = c."trickSlug" JOIN "Category" g ON g."slug" = t."categorySlug"
) AS "ranked"
WHERE "Card"."id" = "ranked"."id";
