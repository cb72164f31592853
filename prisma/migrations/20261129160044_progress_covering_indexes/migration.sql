-- DropIndex
DROP INDEX "ReviewLog_userId_review_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_review_durationMs_idx" ON "ReviewLog"("userId", "review", "durationMs");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_state_source_review_rating_elapsedDays_stability_idx" ON "ReviewLog"("userId", "state", "source", "review", "rating", "elapsedDays", "stability");
