-- Leeches: the user's threshold and action, and whether a card's suspension came from the leech rule.
-- Plain column additions (written by hand: the engine's diff rebuilds both tables for this).
ALTER TABLE "UserSettings" ADD COLUMN "leechThreshold" INTEGER NOT NULL DEFAULT 8;
ALTER TABLE "UserSettings" ADD COLUMN "leechAction" TEXT NOT NULL DEFAULT 'flag';
ALTER TABLE "CardState" ADD COLUMN "leechSuspended" BOOLEAN NOT NULL DEFAULT false;
