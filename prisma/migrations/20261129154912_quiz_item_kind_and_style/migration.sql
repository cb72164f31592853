-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "style" TEXT NOT NULL DEFAULT 'mixed',
    "categories" JSONB NOT NULL,
    "cardKinds" JSONB NOT NULL,
    "countsTowardSchedule" BOOLEAN NOT NULL DEFAULT false,
    "seed" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("cardKinds", "categories", "countsTowardSchedule", "finishedAt", "id", "mode", "seed", "startedAt", "userId") SELECT "cardKinds", "categories", "countsTowardSchedule", "finishedAt", "id", "mode", "seed", "startedAt", "userId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_userId_startedAt_idx" ON "QuizAttempt"("userId", "startedAt");
CREATE TABLE "new_QuizItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'name',
    "cardId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "choices" JSONB NOT NULL,
    "correct" TEXT NOT NULL,
    "given" TEXT,
    "isCorrect" BOOLEAN,
    "rating" INTEGER,
    "answeredAt" DATETIME,
    "durationMs" INTEGER,
    CONSTRAINT "QuizItem_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizItem_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_QuizItem" ("answeredAt", "attemptId", "cardId", "choices", "correct", "durationMs", "given", "id", "isCorrect", "position", "prompt") SELECT "answeredAt", "attemptId", "cardId", "choices", "correct", "durationMs", "given", "id", "isCorrect", "position", "prompt" FROM "QuizItem";
DROP TABLE "QuizItem";
ALTER TABLE "new_QuizItem" RENAME TO "QuizItem";
CREATE UNIQUE INDEX "QuizItem_attemptId_position_key" ON "QuizItem"("attemptId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
