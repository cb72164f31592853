-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN     "fsrsFit" JSONB,
ADD COLUMN     "leechAction" TEXT NOT NULL DEFAULT 'flag',
ADD COLUMN     "leechThreshold" INTEGER NOT NULL DEFAULT 8;

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "leechSuspended" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OptimizerJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'optimize',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "activeKey" TEXT,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "result" JSONB,
    "error" TEXT,
    "claimedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OptimizerJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OptimizerJob_activeKey_key" ON "OptimizerJob"("activeKey");

-- CreateIndex
CREATE INDEX "OptimizerJob_status_createdAt_idx" ON "OptimizerJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OptimizerJob_userId_createdAt_idx" ON "OptimizerJob"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "OptimizerJob" ADD CONSTRAINT "OptimizerJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
