import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet-available";

export const metadata: Metadata = { title: "Progress" };

export default function ProgressPage() {
  return (
    <NotYetAvailable
      title="Progress"
      plan={[
        "Mastery per category and per trick, with predicted recall today.",
        "A year of reviews as a calendar, your streak and a daily goal.",
        "A 30-day forecast of due reviews and your true retention.",
      ]}
    />
  );
}
