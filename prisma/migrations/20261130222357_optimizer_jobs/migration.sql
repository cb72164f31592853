-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN "fsrsFit" JSONB;

-- CreateTable
CREATE TABLE "OptimizerJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'optimize',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "activeKey" TEXT,
    "progress" REAL NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "result" JSONB,
    "error" TEXT,
    "claimedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OptimizerJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OptimizerJob_activeKey_key" ON "OptimizerJob"("activeKey");

-- CreateIndex
CREATE INDEX "OptimizerJob_status_createdAt_idx" ON "OptimizerJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OptimizerJob_userId_createdAt_idx" ON "OptimizerJob"("userId", "createdAt");
