-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "catalogueOrder" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Card_catalogueOrder_archivedAt_idx" ON "Card"("catalogueOrder", "archivedAt");

-- Backfill: each live card's rank in catalogue order (content sync keeps it up to date afterwards)
UPDATE "Card" SET "catalogueOrder" = "ranked"."rank"
FROM (
  SELECT c."id", ROW_NUMBER() OVER (ORDER BY g."position", t."position", c."position", c."id") AS "rank"
  FROM "Card" c JOIN "Trick" t ON t."slug" = c."trickSlug" JOIN "Category" g ON g."slug" = t."categorySlug"
) AS "ranked"
WHERE "Card"."id" = "ranked"."id";
