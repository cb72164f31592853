import type { Metadata } from "next";
import { ReviewSession } from "@/components/review/review-session";
import { requireSession } from "@/server/auth";
import { db } from "@/server/db";
import { studyDay } from "@/lib/srs/study-day";
import { reviewView } from "@/server/review/view";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const { user, settings } = await requireSession("/review");
  const now = new Date();
  const view = await reviewView(db, user.id, settings, now);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour).key;
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Review</h1>
        <p className="kbd-hint text-sm text-slate-600 dark:text-slate-400" data-testid="keyboard-hints">
          <kbd>Space</kbd> show · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>Z</kbd> undo · <kbd>B</kbd> bury · <kbd>S</kbd> suspend
        </p>
      </div>
      <ReviewSession initialView={view} timeZone={settings.timeZone} undoKey={`${user.id}:${day}`} />
    </div>
  );
}
