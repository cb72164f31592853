-- CreateTable
CREATE TABLE "ReviewHour" (
    "userId" TEXT NOT NULL,
    "hour" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "hour"),
    CONSTRAINT "ReviewHour_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Backfill from the existing review logs
INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "durationMs")
SELECT "userId", substr("review", 1, 13), COUNT(*), COALESCE(SUM("durationMs"), 0) FROM "ReviewLog" GROUP BY "userId", substr("review", 1, 13);
